/**
 * Column headers and cell words of Moodle 4.5 exports, in English and French (language pack
 * strings; older French packs are matched too). Headers are compared after `norm`: NFC, no-break
 * spaces as spaces, typographic apostrophes as straight ones, case folded.
 */
import { decodeHTML } from 'entities'

export function norm(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** Activity names are HTML-escaped in completion reports (`&amp;`), raw in the gradebook. */
export function activityName(header: string): string {
  return decodeHTML(header).normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** The key two activity names are compared by (the rule names them as the trainer typed them). */
export function activityKey(name: string): string {
  return norm(activityName(name))
}

const IDENTITY: Record<string, string> = {
  'email address': 'email',
  'adresse de courriel': 'email',
  'adresse courriel': 'email',
  courriel: 'email',
  'e-mail': 'email',
  email: 'email',
  'id number': 'idnumber',
  "numéro d'identification": 'idnumber',
  institution: 'institution',
  department: 'department',
  département: 'department',
  phone: 'phone1',
  téléphone: 'phone1',
  'mobile phone': 'phone2',
  'téléphone mobile': 'phone2',
  'city/town': 'city',
  ville: 'city',
  country: 'country',
  pays: 'country',
  address: 'address',
  adresse: 'address',
  username: 'username',
  "nom d'utilisateur": 'username',
}

/** The identity field a header names (`email`, `idnumber`…), if it is one. */
export function identityField(header: string): string | undefined {
  return IDENTITY[norm(header)]
}

export function languageOf(headers: string[]): 'en' | 'fr' | undefined {
  const n = headers.map(norm)
  if (n.includes('email address')) return 'en'
  if (n.includes('adresse de courriel')) return 'fr'
  return undefined
}

export const WORDS = {
  name: ['name', 'nom'],
  id: ['id'],
  courseComplete: ['course complete', 'cours terminé'],
  completionDateSuffix: [' - completion date', " - date d'achèvement"],
  firstName: ['first name', 'prénom'],
  lastName: ['last name', 'nom de famille'],
  courseTotal: ['course total', 'total du cours'],
  lastDownloaded: ['last downloaded from this course', 'dernier téléchargement depuis ce cours'],
  attempt: ['attempt', 'tentative'],
  startedOn: ['started on', 'démarré le'],
  lastAccessed: ['last accessed on', 'dernier accès le'],
  score: ['score', 'résultat'],
  /** Columns of the interactions report: per-question data that never feeds an attestation. */
  interaction: /^(question|response|réponse|right answer|réponse correcte|result|résultat) \d+$/,
} as const

export function is(header: string, words: readonly string[]): boolean {
  return words.includes(norm(header))
}

/** Grade display types of the gradebook export, as `(Real)` / `(Brut)` suffixes. */
export const GRADE_TYPES: Record<string, 'real' | 'percentage' | 'letter'> = {
  real: 'real',
  brut: 'real',
  réel: 'real',
  percentage: 'percentage',
  pourcentage: 'percentage',
  letter: 'letter',
  lettre: 'letter',
}

export type CompletionState = { complete: boolean; pass?: boolean; override?: boolean }

/**
 * A completion report cell → its state. "Completed" is not "passed": the pass/fail part is in
 * parentheses, and the failed state starts with the same word (README of the Moodle exports, §1).
 * Fail is tested before pass because the French fail text contains the pass words.
 */
const STATES = {
  incomplete: Object.freeze({ complete: false }),
  complete: Object.freeze({ complete: true }),
  passed: Object.freeze({ complete: true, pass: true }),
  failed: Object.freeze({ complete: true, pass: false }),
  incompleteFailed: Object.freeze({ complete: false, pass: false }),
  incompletePassed: Object.freeze({ complete: false, pass: true }),
  completeOverride: Object.freeze({ complete: true, override: true }),
  incompleteOverride: Object.freeze({ complete: false, override: true }),
} satisfies Record<string, CompletionState>

/** Memo of the few distinct state texts an export holds (one shared, frozen state object each). */
const seenStates = new Map<string, CompletionState | undefined>()

export function completionState(cell: string): CompletionState | undefined {
  let state = seenStates.get(cell)
  if (state === undefined && !seenStates.has(cell)) {
    state = parseState(cell)
    if (seenStates.size < 1000) seenStates.set(cell, state)
  }
  return state
}

function parseState(cell: string): CompletionState | undefined {
  const n = norm(cell)
  const m = /^(completed|terminé|not completed|pas terminé|non terminé|incomplete|incomplet)(?: \((.*)\))?$/.exec(n)
  if (!m) return undefined
  const complete = m[1] === 'completed' || m[1] === 'terminé'
  const note = m[2]
  if (note === undefined) return complete ? STATES.complete : STATES.incomplete
  if (/did not achieve|n'a pas atteint|failed|échec/.test(note)) return complete ? STATES.failed : STATES.incompleteFailed
  if (/achieved pass grade|réussite atteinte|pour passer atteinte|passed|réussi/.test(note)) return complete ? STATES.passed : STATES.incompletePassed
  if (/^(set by|défini par) /.test(note)) return complete ? STATES.completeOverride : STATES.incompleteOverride
  return undefined
}
