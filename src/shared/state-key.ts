/**
 * Short, stable keys for the learner state. The state (`cmi.suspend_data`) names pages, questions
 * and modules by a 4-character hash of the author's stable id, never by position: inserting a page
 * or a question between two sessions cannot shift a learner's answers onto another question.
 * The compiler checks that no two ids of one SCO share a key (diagnostic `state/key-collision`).
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** FNV-1a, 32 bits, over UTF-16 code units: tiny, fast, and the same in Node and browsers. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

function base62(value: number, length: number): string {
  let out = ''
  let rest = value
  for (let i = 0; i < length; i++) {
    out += ALPHABET[rest % 62]
    rest = Math.floor(rest / 62)
  }
  return out
}

/** FNV-1a of a text as `length` base-62 characters (6 hold all 32 bits): the state's checksum. */
export function checksum(text: string, length = 6): string {
  return base62(fnv1a(text), length)
}

/** Key of an id in the state: 4 base-62 characters (14.8 million values). */
export function stateKey(id: string): string {
  return base62(fnv1a(id), 4)
}

/**
 * Revision of what a question's answer tokens mean: the texts of its choices and sources, in
 * order. An answer saved under another revision is dropped on load instead of being reinterpreted.
 * The right answer is left out on purpose: fixing a wrong key must re-score, not erase, answers.
 */
export function answerRev(parts: { type: string; choices: string[]; sources: string[] }): string {
  // Spaces of any kind count as one: French typography (no-break spaces, added at build time)
  // does not change what an answer means, and must not drop the learners' answers.
  const norm = (t: string) => t.replace(/[\s\u00a0\u202f]+/g, ' ')
  return base62(fnv1a([parts.type, ...parts.choices.map(norm), '|', ...parts.sources.map(norm)].join('\u0001')), 2)
}
