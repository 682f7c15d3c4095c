/**
 * What the bundled zipper (yazl) asks of npm buffer-crc32, on Node's own CRC-32 (zlib.crc32,
 * native, Node ≥ 20.15): the checksum of every file of a package was ≈ 6 % of a 200-module build in
 * JavaScript. scripts/build-cli.js points the bundle's `buffer-crc32` here; the values are the same
 * (test/unit/compiler/zip.test.ts compares them), so are the zips.
 */
import { crc32 as nativeCrc32 } from 'node:zlib'

type Input = Buffer | string

const toBuffer = (input: Input): Buffer => (Buffer.isBuffer(input) ? input : Buffer.from(input))

/** Node 20.0–20.14 have no zlib.crc32: the classic table (IEEE 802.3 polynomial, reflected). */
let table: Uint32Array | undefined
function tableCrc32(bytes: Buffer, start: number): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let crc = ~start >>> 0
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8)
  return ~crc >>> 0
}

/** yazl calls `crc32.unsigned(…)` on what `require('buffer-crc32')` gives: these names are what it finds. */
export function unsigned(input: Input, previous?: Buffer | number): number {
  const start = typeof previous === 'number' ? previous : previous ? previous.readUInt32BE(0) : 0
  return typeof nativeCrc32 === 'function' ? nativeCrc32(toBuffer(input), start) >>> 0 : tableCrc32(toBuffer(input), start)
}

function crc32(input: Input, previous?: Buffer | number): Buffer {
  const out = Buffer.alloc(4)
  out.writeUInt32BE(unsigned(input, previous), 0)
  return out
}

export const signed = (input: Input, previous?: Buffer | number): number => unsigned(input, previous) | 0
crc32.unsigned = unsigned
crc32.signed = signed

export default crc32
