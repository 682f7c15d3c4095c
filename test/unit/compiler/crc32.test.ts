// The zipper's CRC-32 in the bundle is Node's native one (src/compiler/write/crc32.ts, aliased for
// yazl's buffer-crc32 in scripts/build-cli.js): it must give exactly buffer-crc32's values, whole
// and chained, or every zip would change.
import bufferCrc32 = require('buffer-crc32')
import { describe, expect, it } from 'vitest'
import crc32, { signed, unsigned } from '../../../src/compiler/write/crc32.js'

describe('crc32 shim', () => {
  it('gives buffer-crc32’s values on strings, buffers and chained chunks', () => {
    let seed = 7
    const bytes = Buffer.from(Array.from({ length: 70_000 }, () => ((seed = (seed * 48271) % 2147483647), seed % 256)))
    for (const input of [Buffer.alloc(0), Buffer.from('hello'), 'Élève « cœur »', bytes]) {
      expect(unsigned(input)).toBe(bufferCrc32.unsigned(input))
      expect(signed(input)).toBe(bufferCrc32.signed(input))
      expect(crc32(input)).toEqual(bufferCrc32(input))
    }
    // As yazl's stream watcher does: the running value of the previous chunks.
    let ours = 0
    let theirs = 0
    for (let i = 0; i < bytes.length; i += 4096) {
      ours = unsigned(bytes.subarray(i, i + 4096), ours)
      theirs = bufferCrc32.unsigned(bytes.subarray(i, i + 4096), theirs)
    }
    expect(ours).toBe(theirs)
    expect(ours).toBe(bufferCrc32.unsigned(bytes))
  })
})
