// The read stage's UTF-8 check: the platform's validating decoder first, our own scan to locate the
// first bad byte. Both must agree on what is UTF-8, on valid text and on every kind of bad sequence.
import { describe, expect, it } from 'vitest'
import { decodeText, firstInvalidUtf8 } from '../../../src/compiler/read/decode-text.js'

/** A deterministic byte soup: mostly French text, with bytes of every range mixed in. */
function samples(): Uint8Array[] {
  let seed = 42
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed)
  const base = new TextEncoder().encode('Élève, cœur — « RGPD » : données 😀 ok\n')
  const out: Uint8Array[] = [base, new Uint8Array([0xef, 0xbb, 0xbf, 0x41])]
  for (let n = 0; n < 3000; n++) {
    const bytes = Uint8Array.from(base)
    const at = next() % bytes.length
    bytes[at] = next() % 256
    if (n % 3 === 0) bytes[(at + 1) % bytes.length] = 0x80 + (next() % 64)
    out.push(bytes)
  }
  for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5], [0xe2, 0x82]]) out.push(new Uint8Array([0x41, ...bad, 0x42]))
  return out
}

describe('decodeText', () => {
  it('accepts exactly what is UTF-8, and points at the first bad byte otherwise', () => {
    for (const bytes of samples()) {
      const decoded = decodeText(bytes)
      const bad = firstInvalidUtf8(bytes)
      if (bad < 0) expect(decoded).toEqual({ text: new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n') })
      else expect(decoded).toMatchObject({ badByte: { byte: bytes[bad] } })
    }
  })

  it('reads CRLF and CR line ends as LF, and drops a byte order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63]))).toEqual({ text: 'a\nb\nc' })
  })
})
