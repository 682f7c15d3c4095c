/**
 * What an attestation states, once: the credential JSON, the QR token and the PDF are all made
 * from this, so the three cannot say different things. Only what must be proven (GDPR data
 * minimisation): the name as printed, the parcours, its duration, the dates and a result label.
 * No e-mail, no Moodle id, no score.
 */

export type ResultLabel = 'Réussi' | 'Terminé'

export interface Attestation {
  /** `urn:uuid:…` */
  id: string
  name: string
  parcours: string
  durationMinutes: number
  /** Calendar days in the site's time zone, `YYYY-MM-DD`. */
  completedOn: string
  startedOn?: string
  issuedOn: string
  result: ResultLabel
  /** Entry in the issuer's revocation list (Bitstring Status List). */
  statusIndex: number
}

/**
 * The name as printed: NFC, single spaces, and without invisible formatting characters
 * (bidirectional marks and embeddings, zero-width characters), which a printed page cannot show
 * and which would make two identical-looking names differ.
 */
export function printedName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']

/** `2026-10-01` → `1er octobre 2026`. */
export function frenchDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${d === 1 ? '1er' : d} ${MONTHS_FR[m! - 1]} ${y}`
}

/** 150 → `2 h 30`, 45 → `45 min`, 120 → `2 h`. */
export function frenchDuration(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (!h) return `${m}\u00a0min`
  return m ? `${h}\u00a0h\u00a0${String(m).padStart(2, '0')}` : `${h}\u00a0h`
}

export function isDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))
  return d.toISOString().slice(0, 10) === text
}
