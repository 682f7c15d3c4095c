/**
 * Bytes of a course text file → text. UTF-8 only: a Latin-1 course.yml decoded leniently used to
 * publish « � » in every title. The first byte that is not UTF-8 is reported with its line and
 * column, so that the trainer can find the character (often an « é » saved by an old editor).
 */

import { isUtf8 } from 'node:buffer'

export type Decoded = { text: string } | { badByte: { line: number; column: number; byte: number } }

/** Line ends as `\n` (most files have no `\r`: no regular expression over them). */
const unixLines = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text)

export function decodeText(bytes: Uint8Array): Decoded {
  // Node's validator and decoder (simdutf: WHATWG UTF-8, the same rules as firstInvalidUtf8), several
  // times faster than a fatal TextDecoder on Node 20 (≈ 20 ms of a 200-module build, issue 14).
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    // As TextDecoder does (ignoreBOM: false): a byte order mark is not part of the text.
    return { text: unixLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) }
  }
  const bad = firstInvalidUtf8(bytes)
  if (bad >= 0) {
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1
    const line = countNewlines(bytes, lineStart) + 1
    // Columns count characters, as editors do: decode the (valid) start of the line.
    const column = new TextDecoder().decode(bytes.subarray(lineStart, bad)).replace(/\r$/, '').length + 1
    return { badByte: { line, column, byte: bytes[bad]! } }
  }
  return { text: unixLines(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes)) }
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++
  return n
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    let max = 0xbf
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b === 0xe0) [need, min] = [2, 0xa0]
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f]
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80]
    else if (b === 0xf0) [need, min] = [3, 0x90]
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f]
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80]
    else return i
    // The second byte has the narrowed range; the others are plain continuation bytes.
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf]
      if (c === undefined || c < lo || c > hi) return i
    }
    i += need + 1
  }
  return -1
}
