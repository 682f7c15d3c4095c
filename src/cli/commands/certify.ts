/**
 * `parcours certify keygen | issue | revoke | verifier | verify`: signed attestations from Moodle
 * exports, and their offline verification (src/certify/). The passphrase of the issuer's key comes
 * from PARCOURS_KEY_PASSPHRASE or a prompt on the terminal, never from an option (an option ends up
 * in the shell history and in `ps`).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import type { Lang } from '../../shared/sco-data.js'
import { messages, UsageError, type Command, type CommandContext } from '../command.js'
import { EXIT } from '../exit-codes.js'
import type { Io } from '../io.js'

/** Replaced by build-cli.js with the bundled page script; tests (running src/) build it on demand. */
declare const __PARCOURS_VERIFIER_SCRIPT__: string | undefined

const SUBCOMMANDS = ['keygen', 'issue', 'revoke', 'verifier', 'verify'] as const

const say = messages({
  fr: {
    which: 'Sous-commande attendue : {list}. Exemple : parcours certify issue --export rapport.csv --key issuer.key.pem',
    missing: 'Option obligatoire absente pour « certify {sub} » : {option}.',
    keygenDone:
      'Clé privée : {key} (chiffrée, lisible par vous seul·e ; sauvegardez-la hors ligne, ne la versez jamais dans git)\nProfil public : {profile}\nEmpreinte SHA-256 : {fingerprint}\nValable du {from} au {until}.',
    issued: 'Attestations délivrées : {count} ({dir})',
    notEligible: 'Non éligibles : {count}',
    rejectedRows: 'Lignes écartées : {count}',
    registerAt: 'Registre : {register} — liste de révocation signée : {status}',
    revoked: 'Attestation {id} révoquée. Liste de révocation signée : {status} ({count} révoquée(s)). Publiez un nouveau vérificateur : parcours certify verifier …',
    verifierDone: 'Vérificateur écrit : {path} ({size} Ko, {issuers} émetteur(s) de confiance). Publiez-le avec son empreinte SHA-256 : {sha}',
    verifySummary: '{ok} valide(s), {ko} invalide(s).',
    noInput: 'Rien à vérifier : donnez des fichiers .json ou .pdf, un dossier, ou --qr "PA1~…".',
    prompt: 'Phrase de passe de la clé : ',
    promptAgain: 'Répétez la phrase de passe : ',
    badYears: '--years attend un nombre entier de 1 à 5.',
    badUrl: '--issuer-id attend une adresse https:// (l’identifiant public de l’émetteur), par exemple https://certif.ac-normandie.fr/eafc',
  },
  en: {
    which: 'Expected a subcommand: {list}. Example: parcours certify issue --export report.csv --key issuer.key.pem',
    missing: 'Missing required option for "certify {sub}": {option}.',
    keygenDone:
      'Private key: {key} (encrypted, readable by you only; back it up offline, never commit it)\nPublic profile: {profile}\nSHA-256 fingerprint: {fingerprint}\nValid from {from} to {until}.',
    issued: 'Attestations issued: {count} ({dir})',
    notEligible: 'Not eligible: {count}',
    rejectedRows: 'Rows set aside: {count}',
    registerAt: 'Register: {register} — signed revocation list: {status}',
    revoked: 'Attestation {id} revoked. Signed revocation list: {status} ({count} revoked). Publish a new verifier: parcours certify verifier …',
    verifierDone: 'Verifier written: {path} ({size} KB, {issuers} trusted issuer(s)). Publish it with its SHA-256: {sha}',
    verifySummary: '{ok} valid, {ko} invalid.',
    noInput: 'Nothing to verify: give .json or .pdf files, a folder, or --qr "PA1~…".',
    prompt: 'Key passphrase: ',
    promptAgain: 'Repeat the passphrase: ',
    badYears: '--years expects a whole number from 1 to 5.',
    badUrl: '--issuer-id expects an https:// address (the issuer’s public id), e.g. https://certif.ac-normandie.fr/eafc',
  },
})

const REASONS = {
  fr: {
    'never-launched': '{activity} jamais lancée',
    'not-complete': '{activity} non terminée',
    'not-passed': '{activity} terminée sans la note minimale de réussite',
    'no-grade': '{activity} sans note',
    'grade-below': '{activity} : note {grade} < {min}',
    'course-not-complete': 'cours non terminé',
    'sources-disagree': '{activity} : les exports se contredisent ({files}) ; téléchargez-les à nouveau ensemble',
    'not-in-export': '{activity} absente des exports pour cette personne',
    'already-issued': 'attestation déjà délivrée (dans le registre donné par --register)',
  },
  en: {
    'never-launched': '{activity} never launched',
    'not-complete': '{activity} not complete',
    'not-passed': '{activity} completed without the pass grade',
    'no-grade': '{activity} has no grade',
    'grade-below': '{activity}: grade {grade} < {min}',
    'course-not-complete': 'course not complete',
    'sources-disagree': '{activity}: the exports disagree ({files}); download them again together',
    'not-in-export': '{activity} missing from the exports for this person',
    'already-issued': 'attestation already issued (in the register given with --register)',
  },
}

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
      case 'keygen':
        return await keygenCommand(context)
      case 'issue':
        return await issueCommand(context)
      case 'revoke':
        return await revokeCommand(context)
      case 'verifier':
        return await verifierCommand(context)
      case 'verify':
        return await verifyCommand(context)
    }
  } catch (e) {
    if (!(e instanceof CertifyError)) throw e
    for (const p of e.problems) context.io.stderr(`${formatProblem({ ...p, file: shown(p.file, context.io.cwd) }, lang)}\n`)
    return EXIT.courseErrors
  }
}

function shown(path: string, cwd: string): string {
  if (!path.startsWith('/')) return path
  const rel = relative(cwd, path)
  return rel && !rel.startsWith('..') ? rel : path
}

function need(context: CommandContext, sub: string, ...names: string[]): string[] {
  return names.map((name) => {
    const value = context.values[name]
    if (typeof value !== 'string' || !value) throw new UsageError(say(context.lang, 'missing', { sub, option: `--${name}` }))
    return value
  })
}

const opt = (context: CommandContext, name: string): string | undefined => (typeof context.values[name] === 'string' ? (context.values[name] as string) : undefined)
const list = (value: string | undefined): string[] => (value ?? '').split(',').filter(Boolean)
const today = () => new Date().toISOString().slice(0, 10)

/** PARCOURS_KEY_PASSPHRASE, else a prompt without echo on the terminal, else an error. */
async function passphrase(io: Io, lang: Lang, twice = false): Promise<string> {
  const fromEnv = io.env.PARCOURS_KEY_PASSPHRASE
  if (fromEnv) return fromEnv
  const { fail } = await import('../../certify/problems.js')
  if (!process.stdin.isTTY) fail('key/no-passphrase', 'PARCOURS_KEY_PASSPHRASE')
  const first = await ask(say(lang, 'prompt'))
  if (twice && (await ask(say(lang, 'promptAgain'))) !== first) fail('key/passphrase-mismatch', 'PARCOURS_KEY_PASSPHRASE')
  return first
}

function ask(question: string): Promise<string> {
  return new Promise((done) => {
    const stdin = process.stdin
    process.stderr.write(question)
    stdin.setRawMode(true)
    stdin.resume()
    let text = ''
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false)
          stdin.pause()
          stdin.off('data', onData)
          process.stderr.write('\n')
          done(text)
          return
        }
        if (ch === '\u0003') process.exit(EXIT.interrupted)
        if (ch === '\u007f') text = text.slice(0, -1)
        else text += ch
      }
    }
    stdin.on('data', onData)
  })
}

async function keygenCommand(context: CommandContext): Promise<number> {
  const { lang, io } = context
  const [issuerId, name] = need(context, 'keygen', 'issuer-id', 'name')
  if (!/^https:\/\/[^\s#?]+$/.test(issuerId!)) throw new UsageError(say(lang, 'badUrl'))
  const years = Number(opt(context, 'years') ?? '1')
  if (!Number.isInteger(years) || years < 1 || years > 5) throw new UsageError(say(lang, 'badYears'))
  const { keygen } = await import('../../certify/keys.js')
  const { isDay } = await import('../../certify/attestation.js')
  const from = opt(context, 'valid-from') ?? today()
  if (!isDay(from)) (await import('../../certify/problems.js')).fail('issue/bad-date', '--valid-from', undefined, { value: from })
  const address = opt(context, 'address')
  const out = resolve(io.cwd, opt(context, 'out') ?? '.')
  // Refuse before asking for a passphrase.
  for (const file of ['issuer.key.pem', 'issuer.json']) {
    if (
      await stat(join(out, file)).then(
        () => true,
        () => false,
      )
    )
      (await import('../../certify/problems.js')).fail('key/exists', join(out, file), undefined, { path: shown(join(out, file), io.cwd) })
  }
  const secret = await passphrase(io, lang, true)
  const r = await keygen({ issuerId: issuerId!.replace(/\/$/, ''), name: name!, ...(address && { address }), out, passphrase: secret, from, years })
  io.stdout(
    `${say(lang, 'keygenDone', { key: shown(r.keyPath, io.cwd), profile: shown(r.profilePath, io.cwd), fingerprint: r.fingerprint.replace(/(.{4})(?=.)/g, '$1 '), from: r.validFrom.slice(0, 10), until: r.validUntil.slice(0, 10) })}\n`,
  )
  return EXIT.ok
}

async function issueCommand(context: CommandContext): Promise<number> {
  const { lang, io, positionals } = context
  const [first, key] = need(context, 'issue', 'export', 'key')
  const exports = [first!, ...positionals.slice(1)].map((p) => resolve(io.cwd, p))
  const { courseDir } = await import('./build.js')
  const course = await courseDir(opt(context, 'course'), io.cwd, lang)
  const { issue } = await import('../../certify/issue.js')
  const { formatProblem } = await import('../../certify/problems.js')
  const secret = await passphrase(io, lang)
  const date = opt(context, 'date')
  const issuer = opt(context, 'issuer')
  const register = opt(context, 'register')
  const r = await issue({
    ...(register && { register: resolve(io.cwd, register) }),
    exports,
    courseDir: course,
    keyPath: resolve(io.cwd, key!),
    ...(issuer && { issuerPath: resolve(io.cwd, issuer) }),
    passphrase: secret,
    ...(date && { date }),
    out: resolve(io.cwd, opt(context, 'out') ?? 'attestations'),
    display: (p) => shown(p, io.cwd),
  })
  io.stdout(`${say(lang, 'issued', { count: r.issued.length, dir: shown(join(r.out, 'attestations'), io.cwd) })}\n`)
  for (const i of r.issued) io.stdout(`  ✓ ${i.attestation.name} — ${shown(i.pdf, io.cwd)}\n`)
  io.stdout(`${say(lang, 'notEligible', { count: r.notEligible.length })}\n`)
  for (const n of r.notEligible) {
    const why = n.reasons.map((reason) => {
      const text = REASONS[lang][reason.code]
      return text
        .replace('{activity}', reason.activity ? (lang === 'fr' ? `« ${reason.activity} »` : `"${reason.activity}"`) : lang === 'fr' ? 'la formation' : 'the course')
        .replace('{grade}', String(reason.grade ?? ''))
        .replace('{min}', String(reason.min ?? ''))
        .replace('{files}', reason.files ?? '')
    })
    io.stdout(`  ✗ ${n.name} : ${why.join(' ; ')}\n`)
  }
  io.stdout(`${say(lang, 'rejectedRows', { count: r.rejected.length })}\n`)
  for (const p of r.rejected) io.stdout(`  ${formatProblem(p, lang).split('\n')[0]}\n`)
  io.stdout(`${say(lang, 'registerAt', { register: shown(r.register, io.cwd), status: shown(r.status, io.cwd) })}\n`)
  return EXIT.ok
}

async function revokeCommand(context: CommandContext): Promise<number> {
  const { lang, io } = context
  const [register, id, reason, key] = need(context, 'revoke', 'register', 'id', 'reason', 'key')
  const { revoke } = await import('../../certify/revoke.js')
  const secret = await passphrase(io, lang)
  const issuer = opt(context, 'issuer')
  const status = opt(context, 'status')
  const r = await revoke({
    register: resolve(io.cwd, register!),
    id: id!,
    reason: reason!,
    keyPath: resolve(io.cwd, key!),
    ...(issuer && { issuerPath: resolve(io.cwd, issuer) }),
    ...(status && { status: resolve(io.cwd, status) }),
    passphrase: secret,
    date: opt(context, 'date') ?? today(),
  })
  io.stdout(`${say(lang, 'revoked', { id: r.row.id, status: shown(r.status, io.cwd), count: r.revoked })}\n`)
  return EXIT.ok
}

async function verifierScript(): Promise<string> {
  if (typeof __PARCOURS_VERIFIER_SCRIPT__ === 'string') return __PARCOURS_VERIFIER_SCRIPT__
  // Running from src/ (tests): bundle it now. The name is a variable so that bundlers leave it alone.
  const builder = '../../../scripts/verifier-script.js'
  const { buildVerifierScript } = (await import(/* @vite-ignore */ builder)) as { buildVerifierScript: () => Promise<string> }
  return buildVerifierScript()
}

async function verifierCommand(context: CommandContext): Promise<number> {
  const { lang, io, positionals } = context
  const [issuers, status] = need(context, 'verifier', 'issuers', 'status')
  const { buildVerifier } = await import('../../certify/verifier/build.js')
  const html = await buildVerifier({
    issuers: [...list(issuers), ...positionals.slice(1)].map((p) => resolve(io.cwd, p)),
    status: list(status).map((p) => resolve(io.cwd, p)),
    script: await verifierScript(),
  })
  const out = resolve(io.cwd, opt(context, 'out') ?? 'verifier.html')
  await writeFile(out, html)
  const { createHash } = await import('node:crypto')
  io.stdout(
    `${say(lang, 'verifierDone', { path: shown(out, io.cwd), size: Math.ceil(Buffer.byteLength(html) / 1024), issuers: [...list(issuers), ...positionals.slice(1)].length, sha: createHash('sha256').update(html).digest('hex') })}\n`,
  )
  return EXIT.ok
}

async function filesUnder(path: string): Promise<string[]> {
  const s = await stat(path).catch(() => undefined)
  if (!s?.isDirectory()) return [path]
  const entries = (await readdir(path, { recursive: true })).filter((f) => /\.(json|pdf)$/i.test(f) && !/(^|\/)(issuer|status)\.json$/.test(f)).sort()
  return entries.map((f) => join(path, f))
}

async function verifyCommand(context: CommandContext): Promise<number> {
  const { lang, io, positionals } = context
  const [issuers, status] = need(context, 'verify', 'issuers', 'status')
  const { readJsonFiles } = await import('../../certify/verifier/build.js')
  const { loadTrust, verifyBytes, verifyToken } = await import('../../certify/verify/verify.js')
  const { verdictLines } = await import('../../certify/verify/verdict-text.js')
  const { CertifyError, problem } = await import('../../certify/problems.js')
  const { trust, problems } = await loadTrust(
    await readJsonFiles(
      list(issuers).map((p) => resolve(io.cwd, p)),
      'key/profile-invalid',
    ),
    await readJsonFiles(
      list(status).map((p) => resolve(io.cwd, p)),
      'status/invalid',
    ),
  )
  if (problems.length) throw new CertifyError(problems.map((p) => problem('status/invalid', p.split(':')[0]!, undefined, { reason: p.split(': ').slice(1).join(': ') })))
  const qr = opt(context, 'qr')
  const targets: { label: string; check: () => ReturnType<typeof verifyToken> }[] = []
  if (qr) targets.push({ label: 'QR', check: () => verifyToken(qr, trust) })
  for (const given of positionals.slice(1)) {
    for (const file of await filesUnder(resolve(io.cwd, given))) {
      targets.push({
        label: shown(file, io.cwd),
        check: async () => {
          const bytes = await readFile(file).catch(() => undefined)
          return bytes ? verifyBytes(new Uint8Array(bytes), trust) : { valid: false as const, source: 'unknown' as const, reason: 'malformed' as const, detail: 'unreadable' }
        },
      })
    }
  }
  if (!targets.length) throw new UsageError(say(lang, 'noInput'))
  let ok = 0
  for (const target of targets) {
    const v = await target.check()
    const lines = verdictLines(v, lang)
    if (v.valid) ok++
    const facts = v.valid ? lines.fields.map(([k, val]) => `    ${k} : ${val}`).join('\n') : `    ${lines.reason}`
    ;(v.valid ? io.stdout : io.stderr)(`${target.label} : ${lines.headline}\n${facts}\n`)
  }
  io.stdout(`${say(lang, 'verifySummary', { ok, ko: targets.length - ok })}\n`)
  return ok === targets.length ? EXIT.ok : EXIT.courseErrors
}
