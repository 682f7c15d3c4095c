/**
 * Right answers, sealed. The package must let the runtime judge an answer without carrying the
 * answer key in plain text (issue 12: learners read it from the page's JSON and from
 * `?print=answers`). Each question gets a salt; the package keeps only truncated SHA-256 digests
 * of "salt + what is right", and the runtime hashes the learner's answer the same way:
 *
 *  - `whole`: digest of the complete right answer value (see src/runtime/answers.ts);
 *  - `parts`: multiple, one digest per choice, of "this choice is (not) ticked in the right
 *    answer"; matching, one digest per source, of "this source goes with that target". They give
 *    the "partly correct" verdict without the key;
 *  - the "Correct:" feedback, which often names the answer, is encrypted with a key derived from
 *    the right answer: it can only be read by someone who gave that answer.
 *
 * What this cannot hide (stated in the README): the runtime judges in the browser, so someone who
 * runs the digest on each possible answer (a handful per question) finds the key. It stops reading
 * the answers off the page, printing them, or finding them with the browser's search; it is not a
 * secure exam.
 *
 * Same code in Node (compiler) and browser (runtime): synchronous, no WebCrypto (Moodle sites
 * served over plain http have no `crypto.subtle`, and judging is synchronous).
 */

// Bytes as a "binary string" (one char per byte): what btoa/atob and escape/unescape speak, in
// browsers and in Node alike, and much smaller in the runtime than hand-written UTF-8 and base64.
let utf8 = (text: string): ArrayLike<number> =>
  unescape(encodeURIComponent(text))
    .split('')
    .map((c) => c.charCodeAt(0))
/** Throws (URIError) on bytes that are not UTF-8. */
const fromUtf8 = (bytes: number[]): string => decodeURIComponent(escape(String.fromCharCode(...bytes)))
const toBase64 = (bytes: number[]): string => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string): number[] =>
  atob(text)
    .split('')
    .map((c) => c.charCodeAt(0))

// FIPS 180-4 constants: fractional parts of the square roots (H) and cube roots (K) of the first
// primes, computed rather than listed (unit-tested against node:crypto).
const H0: number[] = []
const K: number[] = []
for (let p = 2, found = 0; found < 64; p++) {
  let prime = true
  for (let d = 2; d * d <= p; d++) if (p % d === 0) prime = false
  if (!prime) continue
  if (found < 8) H0.push(((Math.sqrt(p) % 1) * 4294967296) | 0)
  K.push(((Math.cbrt(p) % 1) * 4294967296) | 0)
  found++
}

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n))

function sha256(bytes: ArrayLike<number>): number[] {
  const length = bytes.length
  const words: number[] = []
  for (let i = 0; i < length; i++) words[i >> 2] = (words[i >> 2] ?? 0) | (bytes[i]! << (24 - (i & 3) * 8))
  words[length >> 2] = (words[length >> 2] ?? 0) | (0x80 << (24 - (length & 3) * 8))
  const count = (((length + 8) >> 6) + 1) * 16
  for (let i = 0; i < count; i++) words[i] = words[i] ?? 0
  words[count - 2] = Math.floor((length * 8) / 4294967296)
  words[count - 1] = (length * 8) | 0
  const h = H0.slice()
  const w: number[] = []
  for (let j = 0; j < count; j += 16) {
    for (let i = 0; i < 64; i++) {
      if (i < 16) w[i] = words[j + i]! | 0
      else {
        const a = w[i - 15]!
        const b = w[i - 2]!
        w[i] = (w[i - 16]! + (rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)) + w[i - 7]! + (rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10))) | 0
      }
    }
    let [a, b, c, d, e, f, g, k] = h as [number, number, number, number, number, number, number, number]
    for (let i = 0; i < 64; i++) {
      const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
      k = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    ;[a, b, c, d, e, f, g, k].forEach((x, i) => (h[i] = (h[i]! + x) | 0))
  }
  const out: number[] = []
  for (const x of h) out.push((x >>> 24) & 255, (x >>> 16) & 255, (x >>> 8) & 255, x & 255)
  return out
}

/**
 * SHA-256 of a text's UTF-8 bytes. The browser runtime uses the small implementation above; the
 * compiler, which seals thousands of answers and feedbacks per build, installs Node's own
 * (`useSha256`, src/compiler/transform/build-scos.ts): same bytes, far less time.
 */
let hashText = (text: string): ArrayLike<number> => sha256(utf8(text))

/**
 * `hash` (and `encode`, a text's UTF-8 bytes) must give the same bytes as the code above; callers
 * only read what they return, so Node's Buffers are used as they come.
 */
export function useSha256(hash: (text: string) => ArrayLike<number>, encode?: (text: string) => ArrayLike<number>): void {
  hashText = hash
  if (encode) utf8 = encode
}

const HEX = Array.from({ length: 256 }, (_, b) => (b < 16 ? '0' : '') + b.toString(16))
const hex = (bytes: ArrayLike<number>, length = bytes.length): string => {
  let out = ''
  for (let i = 0; i < length; i++) out += HEX[bytes[i]!]
  return out
}

/** SHA-256 of the UTF-8 text, in hexadecimal. */
export function sha256Hex(text: string): string {
  return hex(hashText(text))
}

/** Digest stored in the package: 12 hex characters (48 bits) of SHA-256("salt|label"). */
export function digest(salt: string, label: string): string {
  return hex(hashText(salt + '|' + label), 6)
}

/** Labels hashed for a question; the compiler and the runtime must spell them the same way. */
export const label = {
  whole: (value: string): string => 'answer:' + value,
  choice: (token: string, ticked: boolean): string => 'choice:' + token + ':' + (ticked ? '1' : '0'),
  pair: (source: string, target: string): string => 'pair:' + source + ':' + target,
}

/** Keystream XOR (SHA-256 in counter mode) keyed by salt + right answer: symmetric. */
function xor(bytes: ArrayLike<number>, salt: string, value: string): number[] {
  const out: number[] = []
  for (let block = 0; block * 32 < bytes.length; block++) {
    const stream = hashText(salt + '|feedback:' + value + '|' + block)
    for (let i = 0; i < 32 && block * 32 + i < bytes.length; i++) out.push(bytes[block * 32 + i]! ^ stream[i]!)
  }
  return out
}

/** A text only someone who knows the right answer value can read. Also a 12-hex check digest. */
export function seal(text: string, salt: string, value: string): string {
  return digest(salt, 'sealed:' + text) + toBase64(xor(utf8(text), salt, value))
}

/** The sealed text, or null when `value` is not the answer it was sealed with. */
export function unseal(sealed: string, salt: string, value: string): string | null {
  let text: string
  try {
    text = fromUtf8(xor(fromBase64(sealed.slice(12)), salt, value))
  } catch {
    return null // another key gives bytes that are not UTF-8 (or the text is not base64)
  }
  return digest(salt, 'sealed:' + text) === sealed.slice(0, 12) ? text : null
}

/** What the package keeps of a question's right answer (see the top of this file). */
export interface AnswerCheck {
  salt: string
  /** Digest of the whole right answer value. */
  whole: string
  /** multiple: one digest per choice, in order; matching: one per source, in order; else empty. */
  parts: string[]
}

/**
 * An answer value (src/shared/state-codec.ts): single / truefalse the token, multiple the tokens
 * sorted, matching the target of each source in order.
 */
export function answerValue(type: string, tokens: string[]): string {
  return type === 'multiple' ? tokens.slice().sort().join('') : tokens.join('')
}

/** Per-question salt: stable across builds (deterministic packages), different for every question. */
export function answerSalt(courseId: string, questionId: string): string {
  return sha256Hex('parcours-salt|' + courseId + '|' + questionId).slice(0, 16)
}

/** Compiler side: seals a right answer (`correct`: tokens as in the course model). */
export function sealAnswer(q: { type: string; choices: { token: string }[]; sources: { token: string }[]; correct: string[] }, salt: string): AnswerCheck {
  const parts =
    q.type === 'multiple'
      ? q.choices.map((c) => digest(salt, label.choice(c.token, q.correct.indexOf(c.token) >= 0)))
      : q.type === 'matching'
        ? q.sources.map((s, i) => digest(salt, label.pair(s.token, q.correct[i] ?? '')))
        : []
  return { salt, whole: digest(salt, label.whole(answerValue(q.type, q.correct))), parts }
}
