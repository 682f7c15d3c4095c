import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { digest, seal, sha256Hex, unseal, useSha256 } from '../../../src/shared/answer-seal.js'

describe('answer seal', () => {
  it('computes SHA-256 exactly like node:crypto, across block boundaries and UTF-8', () => {
    const inputs = [
      '',
      'abc',
      'é',
      '€',
      '😀 emoji',
      'x'.repeat(55),
      'x'.repeat(56),
      'x'.repeat(63),
      'x'.repeat(64),
      'y'.repeat(1000),
      'Un décret de décembre 2025 — « cloud au centre »',
    ]
    for (const text of inputs) expect(sha256Hex(text), JSON.stringify(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
  })

  it('digests are 12 hex characters that depend on salt and label', () => {
    expect(digest('s1', 'answer:b')).toMatch(/^[0-9a-f]{12}$/)
    expect(digest('s1', 'answer:b')).not.toBe(digest('s2', 'answer:b'))
    expect(digest('s1', 'answer:b')).not.toBe(digest('s1', 'answer:c'))
  })

  it('seals a text that only the right answer opens', () => {
    const text = '<p>Correct : c’est le décret de décembre 2025 qui leur donne une portée obligatoire. 😀</p>'
    const sealed = seal(text, 'salt', 'b')
    expect(sealed).not.toContain('décret')
    expect(unseal(sealed, 'salt', 'b')).toBe(text)
    for (const wrong of ['a', 'c', 'bc', '']) expect(unseal(sealed, 'salt', wrong)).toBeNull()
    expect(unseal(sealed, 'other', 'b')).toBeNull()
  })

  it('seals the same bytes with the compiler’s node:crypto hash and Buffer encoder as with the runtime’s own (the runtime must open what the compiler sealed)', () => {
    // This file imports answer-seal alone (vitest isolates files): the JavaScript SHA-256 is in use here.
    const cases = [
      ['s4lt', '3', 'Bien vu : le décret impose « le cloud au centre ».'],
      ['x', 'ab', 'é'.repeat(100)],
      ['sel', 'a_c', ''],
    ] as const
    const byRuntime = cases.map(([salt, value, text]) => [seal(text, salt, value), digest(salt, text)])
    // As build-scos.ts installs them: Node's Buffers, read as they are, for the digests and the UTF-8 bytes.
    useSha256(
      (text) => createHash('sha256').update(text, 'utf8').digest(),
      (text) => Buffer.from(text, 'utf8'),
    )
    expect(cases.map(([salt, value, text]) => [seal(text, salt, value), digest(salt, text)])).toEqual(byRuntime)
    for (const [[salt, value, text], [sealed]] of cases.map((c, i) => [c, byRuntime[i]!] as const)) expect(unseal(sealed!, salt, value)).toBe(text)
  })
})
