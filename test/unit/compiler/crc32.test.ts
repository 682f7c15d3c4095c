// Each zip entry's CRC-32 (src/compiler/write/crc32.ts): Node's native one, or the table on Node
// 20.0–20.14. Both must give exactly npm buffer-crc32's values, or every zip would be refused.
import bufferCrc32 = require('buffer-crc32')
import { describe, expect, it } from 'vitest'
import { crc32, tableCrc32 } from '../../../src/compiler/write/crc32.js'

describe('crc32', () => {
  it('gives buffer-crc32’s values, native and by table', () => {
    let seed = 7
    const bytes = Buffer.from(Array.from({ length: 70_000 }, () => ((seed = (seed * 48271) % 2147483647), seed % 256)))
    for (const input of [Buffer.alloc(0), Buffer.from('hello'), Buffer.from('Élève « cœur »'), bytes]) {
      expect(crc32(input)).toBe(bufferCrc32.unsigned(input))
      expect(tableCrc32(input)).toBe(bufferCrc32.unsigned(input))
    }
  })
})
