/**
 * The CRC-32 of each zip entry (APPNOTE 4.4.7), on Node's own (zlib.crc32, native, Node ≥ 20.15):
 * in JavaScript it was ≈ 6 % of a 200-module build. test/unit/compiler/crc32.test.ts checks the
 * values against npm buffer-crc32, on both paths.
 */
import { crc32 as nativeCrc32 } from 'node:zlib'

/** Node 20.0–20.14 have no zlib.crc32: the classic table (IEEE 802.3 polynomial, reflected). */
let table: Uint32Array | undefined
export function tableCrc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8)
  return ~crc >>> 0
}

export function crc32(bytes: Uint8Array): number {
  return typeof nativeCrc32 === 'function' ? nativeCrc32(bytes) >>> 0 : tableCrc32(bytes)
}
