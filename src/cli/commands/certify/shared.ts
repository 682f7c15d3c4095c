/**
 * What the `parcours certify` subcommands share: their words (fr/en), how they show paths, read
 * required options, and ask for the key's passphrase.
 */
import { relative } from 'node:path'
import type { Lang } from '../../../shared/sco-data.js'
import { messages, UsageError, type CommandContext } from '../../command.js'
import { EXIT } from '../../exit-codes.js'
import type { Io } from '../../io.js'

export const say = messages({
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

export const REASONS = {
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

export function shown(path: string, cwd: string): string {
  if (!path.startsWith('/')) return path
  const rel = relative(cwd, path)
  return rel && !rel.startsWith('..') ? rel : path
}

export function need(context: CommandContext, sub: string, ...names: string[]): string[] {
  return names.map((name) => {
    const value = context.values[name]
    if (typeof value !== 'string' || !value) throw new UsageError(say(context.lang, 'missing', { sub, option: `--${name}` }))
    return value
  })
}

export const opt = (context: CommandContext, name: string): string | undefined => (typeof context.values[name] === 'string' ? (context.values[name] as string) : undefined)
export const list = (value: string | undefined): string[] => (value ?? '').split(',').filter(Boolean)
export const today = () => new Date().toISOString().slice(0, 10)

/** PARCOURS_KEY_PASSPHRASE, else a prompt without echo on the terminal, else an error. */
export async function passphrase(io: Io, lang: Lang, twice = false): Promise<string> {
  const fromEnv = io.env.PARCOURS_KEY_PASSPHRASE
  if (fromEnv) return fromEnv
  const { fail } = await import('../../../certify/problems.js')
  if (!process.stdin.isTTY) fail('key/no-passphrase', 'PARCOURS_KEY_PASSPHRASE')
  const first = await ask(say(lang, 'prompt'))
  if (twice && (await ask(say(lang, 'promptAgain'))) !== first) fail('key/passphrase-mismatch', 'PARCOURS_KEY_PASSPHRASE')
  return first
}

export function ask(question: string): Promise<string> {
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
