/**
 * `parcours certify keygen | issue | revoke | verifier | verify`: signed attestations from Moodle
 * exports, and their offline verification (src/certify/). The passphrase of the issuer's key comes
 * from PARCOURS_KEY_PASSPHRASE or a prompt on the terminal, never from an option (an option ends up
 * in the shell history and in `ps`).
 */
import { UsageError, type Command, type CommandContext } from '../command.js'
import { EXIT } from '../exit-codes.js'
import { say, shown } from './certify/shared.js'

const SUBCOMMANDS = ['keygen', 'issue', 'revoke', 'verifier', 'verify'] as const

const t = (fr: string, en: string) => ({ fr, en })

export const certify: Command = {
  name: 'certify',
  summary: t('attestations signées depuis les exports Moodle, et leur vérification hors ligne', 'signed attestations from Moodle exports, and their offline verification'),
  usage: t('parcours certify <keygen|issue|revoke|verifier|verify> [options]', 'parcours certify <keygen|issue|revoke|verifier|verify> [options]'),
  details: t(
    `  keygen   --issuer-id URL --name "…" [--address "…"] [--out dossier] [--valid-from AAAA-MM-JJ] [--years N]
  issue    --export FICHIER… --key issuer.key.pem [--issuer issuer.json] [--course dossier] [--date AAAA-MM-JJ] [--out dossier] [--register ancien/register.csv]
  revoke   --register register.csv --id ID --reason "…" --key issuer.key.pem [--date AAAA-MM-JJ]
  verifier --issuers issuer.json… --status status.json [--out verifier.html]
  verify   FICHIER|DOSSIER… | --qr "PA1~…"  --issuers issuer.json[,…] --status status.json[,…]
Phrase de passe de la clé : variable PARCOURS_KEY_PASSPHRASE, sinon demandée au terminal.`,
    `  keygen   --issuer-id URL --name "…" [--address "…"] [--out folder] [--valid-from YYYY-MM-DD] [--years N]
  issue    --export FILE… --key issuer.key.pem [--issuer issuer.json] [--course folder] [--date YYYY-MM-DD] [--out folder] [--register old/register.csv]
  revoke   --register register.csv --id ID --reason "…" --key issuer.key.pem [--date YYYY-MM-DD]
  verifier --issuers issuer.json… --status status.json [--out verifier.html]
  verify   FILE|FOLDER… | --qr "PA1~…"  --issuers issuer.json[,…] --status status.json[,…]
Key passphrase: PARCOURS_KEY_PASSPHRASE variable, else asked on the terminal.`,
  ),
  options: {
    'issuer-id': { type: 'string', value: t('<url>', '<url>'), help: t('keygen : identifiant https:// de l’émetteur', 'keygen: issuer https:// id') },
    name: { type: 'string', value: t('<nom>', '<name>'), help: t('keygen : nom de l’émetteur', 'keygen: issuer name') },
    address: { type: 'string', value: t('<adresse>', '<address>'), help: t('keygen : adresse postale de l’émetteur', 'keygen: issuer postal address') },
    'valid-from': { type: 'string', value: t('<date>', '<date>'), help: t('keygen : début de validité (défaut : aujourd’hui)', 'keygen: validity start (default: today)') },
    years: { type: 'string', value: t('<N>', '<N>'), help: t('keygen : durée de validité en années (défaut : 1)', 'keygen: validity in years (default: 1)') },
    export: { type: 'string', value: t('<fichier>', '<file>'), help: t('issue : exports Moodle (plusieurs possibles)', 'issue: Moodle exports (several allowed)') },
    key: { type: 'string', value: t('<fichier>', '<file>'), help: t('issue, revoke : clé privée de l’émetteur', 'issue, revoke: issuer private key') },
    issuer: {
      type: 'string',
      value: t('<fichier>', '<file>'),
      help: t('issue, revoke : profil de l’émetteur (défaut : issuer.json à côté de la clé)', 'issue, revoke: issuer profile (default: issuer.json beside the key)'),
    },
    course: {
      type: 'string',
      value: t('<dossier>', '<folder>'),
      help: t('issue : dossier de la formation (course.yml ; défaut : . ou content/)', 'issue: course folder (course.yml; default: . or content/)'),
    },
    date: {
      type: 'string',
      value: t('<date>', '<date>'),
      help: t('issue, revoke : date d’émission AAAA-MM-JJ (défaut : aujourd’hui)', 'issue, revoke: issue date YYYY-MM-DD (default: today)'),
    },
    register: {
      type: 'string',
      value: t('<fichier>', '<file>'),
      help: t(
        'revoke : registre des attestations ; issue : registre des émissions précédentes, repris dans le nouveau',
        'revoke: register of attestations; issue: register of earlier batches, carried into the new one',
      ),
    },
    id: { type: 'string', value: t('<id>', '<id>'), help: t('revoke : identifiant de l’attestation', 'revoke: attestation id') },
    reason: { type: 'string', value: t('<motif>', '<reason>'), help: t('revoke : motif (reste dans le registre)', 'revoke: reason (kept in the register)') },
    issuers: { type: 'string', value: t('<fichiers>', '<files>'), help: t('verifier, verify : profils des émetteurs de confiance', 'verifier, verify: trusted issuer profiles') },
    status: {
      type: 'string',
      value: t('<fichier>', '<file>'),
      help: t('verifier, verify, revoke : liste de révocation signée', 'verifier, verify, revoke: signed revocation list'),
    },
    out: {
      type: 'string',
      value: t('<chemin>', '<path>'),
      help: t(
        'keygen : dossier des clés (défaut : .) ; issue : dossier de sortie (défaut : attestations) ; verifier : fichier (défaut : verifier.html)',
        'keygen: key folder (default: .); issue: output folder (default: attestations); verifier: file (default: verifier.html)',
      ),
    },
    qr: { type: 'string', value: t('<jeton>', '<token>'), help: t('verify : texte d’un QR code', 'verify: the text of a QR code') },
  },
  maxPositionals: 10_000,
  run,
}

type Sub = (typeof SUBCOMMANDS)[number]

async function run(context: CommandContext): Promise<number> {
  const { lang, positionals } = context
  const sub = positionals[0] as Sub | undefined
  if (!sub || !SUBCOMMANDS.includes(sub)) throw new UsageError(say(lang, 'which', { list: SUBCOMMANDS.join(', ') }))
  const { CertifyError, formatProblem } = await import('../../certify/problems.js')
  // node:crypto under the shared verification code (the page uses WebCrypto).
  const [{ useCryptoProvider }, { nodeCrypto }] = await Promise.all([import('../../certify/crypto/ed25519.js'), import('../../certify/crypto/node-provider.js')])
  useCryptoProvider(nodeCrypto)
  try {
    switch (sub) {
      // Each subcommand's code is loaded only when it runs.
      case 'keygen':
        return await (await import('./certify/keygen.js')).keygenCommand(context)
      case 'issue':
        return await (await import('./certify/issue.js')).issueCommand(context)
      case 'revoke':
        return await (await import('./certify/revoke.js')).revokeCommand(context)
      case 'verifier':
        return await (await import('./certify/verifier.js')).verifierCommand(context)
      case 'verify':
        return await (await import('./certify/verify.js')).verifyCommand(context)
    }
  } catch (e) {
    if (!(e instanceof CertifyError)) throw e
    for (const p of e.problems) context.io.stderr(`${formatProblem({ ...p, file: shown(p.file, context.io.cwd) }, lang)}\n`)
    return EXIT.courseErrors
  }
}
