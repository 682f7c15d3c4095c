/**
 * Package files → zip, deterministic: entries sorted by path, one fixed date, fixed permissions,
 * no extra fields. Same input, same bytes: a trainer can diff two builds, and CI can compare hashes.
 *
 * The container is written here (APPNOTE.TXT 6.3.x: local headers, central directory, end record;
 * https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT) with the very bytes yazl wrote
 * (test/unit/compiler/zip.test.ts compares them), because of how the deflating is driven:
 *  - a few files at a time are deflated by Node's zlib (level 9) on the thread pool, while the main
 *    thread renders the next ones: the two cores work together, and memory holds a few files and a
 *    few zlib states, reset from file to file (deflater.ts), where yazl started one zlib state
 *    (≈ 300 KB) per file at once;
 *  - a file may be given as a function that renders it: it is rendered when the zip reaches it,
 *    so a build never holds the whole package's pages.
 */
import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PlannedFile } from '../types.js'
import { crc32 } from './crc32.js'
import { Deflater } from './deflater.js'

/** Files deflated at once: the thread pool's 4 threads busy, and never more than this many zlib states. */
const IN_FLIGHT = 4

/** 2000-01-01 00:00:00 as a DOS date and time (the same in every time zone: no Date involved). */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1
const DOS_TIME = 0
/** Regular file, rw-r--r--, in the high half of the external attributes (made by Unix). */
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0
/** Made by: Unix (3), spec 6.3 (63); needed: 2.0 (deflate); flags: names are UTF-8 (bit 11). */
const MADE_BY = (3 << 8) | 63
const NEEDED = 20
const UTF8_NAMES = 1 << 11
const DEFLATE = 8
/** Above these the zip would need Zip64, which parcours does not write (no course comes near). */
const MAX_32 = 0xfffffffe
const MAX_ENTRIES = 0xffff

interface Entry {
  name: Buffer
  crc: number
  size: number
  compressed: number
  offset: number
}

/** The zip's bytes, in order, as they are ready. */
async function* zipChunks(files: readonly PlannedFile[]): AsyncGenerator<Buffer> {
  const sorted = [...new Map(files.map((f) => [f.path, f])).values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  if (sorted.length > MAX_ENTRIES) throw new Error(`zip: ${sorted.length} files, more than ${MAX_ENTRIES}`)
  const entries: Entry[] = []
  const pending: Promise<[Buffer, Buffer]>[] = []
  // A text is encoded into one of IN_FLIGHT scratch buffers, file k into slot k % IN_FLIGHT: slot k's
  // file is deflated and checksummed before file k + IN_FLIGHT starts. A Buffer per page instead
  // (≈ 63 MB for 1,000 modules) stayed outside the heap until a collection found it dead.
  const scratch: Buffer[] = []
  const encode = (text: string, slot: number): Buffer => {
    // At most 3 UTF-8 bytes per UTF-16 code unit: the text always fits.
    let buffer = scratch[slot]
    if (!buffer || buffer.length < text.length * 3) buffer = scratch[slot] = Buffer.allocUnsafeSlow(text.length * 3)
    return buffer.subarray(0, buffer.write(text, 0, 'utf8'))
  }
  // One zlib state per slot, reset from file to file (deflater.ts).
  const deflaters: Deflater[] = []
  let next = 0
  const start = (): void => {
    const slot = next % IN_FLIGHT
    const file = sorted[next++]!
    const contents = typeof file.contents === 'function' ? file.contents() : file.contents
    const bytes = typeof contents === 'string' ? encode(contents, slot) : Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength)
    pending.push((deflaters[slot] ??= new Deflater()).deflate(bytes).then((data) => [bytes, data]))
  }
  try {
    let offset = 0
    for (let i = 0; i < sorted.length; i++) {
      while (next < sorted.length && next < i + IN_FLIGHT) start()
      const [bytes, data] = await pending.shift()!
      const entry = { name: Buffer.from(sorted[i]!.path, 'utf8'), crc: crc32(bytes), size: bytes.length, compressed: data.length, offset }
      if (entry.size > MAX_32 || entry.compressed > MAX_32 || offset > MAX_32) throw new Error(`zip: ${sorted[i]!.path} goes past 4 GB`)
      entries.push(entry)
      const header = localHeader(entry)
      offset += header.length + data.length
      yield header
      yield data
    }
    const directory = Buffer.concat(entries.map(centralRecord))
    yield directory
    yield endRecord(entries.length, directory.length, offset)
  } finally {
    // Also when the zip stops half-way (a page fails to render, the disk is full): the files
    // still being deflated are dropped, and so is what their deflating says.
    for (const dropped of pending) dropped.catch(() => undefined)
    for (const deflater of deflaters) deflater.close()
  }
}

/** A record's little-endian fields, each [size in bytes, value], as APPNOTE's tables list them; then the name. */
function record(fields: readonly (readonly [2 | 4, number])[], name?: Buffer): Buffer {
  const out = Buffer.alloc(fields.reduce((n, [size]) => n + size, 0))
  let at = 0
  for (const [size, value] of fields) at = size === 2 ? out.writeUInt16LE(value, at) : out.writeUInt32LE(value, at)
  return name ? Buffer.concat([out, name]) : out
}

/** From "general purpose bit flag" to "file name length": the same in both headers of an entry. */
const common = (e: Entry): (readonly [2 | 4, number])[] => [
  [2, UTF8_NAMES],
  [2, DEFLATE],
  [2, DOS_TIME],
  [2, DOS_DATE],
  [4, e.crc],
  [4, e.compressed],
  [4, e.size],
  [2, e.name.length],
]

/** APPNOTE 4.3.7; no extra field. */
const localHeader = (e: Entry): Buffer => record([[4, 0x04034b50], [2, NEEDED], ...common(e), [2, 0]], e.name)

/** APPNOTE 4.3.12: no extra field, no comment, disk 0, no internal attributes. */
const centralRecord = (e: Entry): Buffer =>
  record([[4, 0x02014b50], [2, MADE_BY], [2, NEEDED], ...common(e), [2, 0], [2, 0], [2, 0], [2, 0], [4, EXTERNAL_ATTRIBUTES], [4, e.offset]], e.name)

/** APPNOTE 4.3.16: one disk, no comment. */
const endRecord = (count: number, size: number, offset: number): Buffer =>
  record([
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    [2, count],
    [2, count],
    [4, size],
    [4, offset],
    [2, 0],
  ])

/** The zip, in memory. */
export async function zipFiles(files: readonly PlannedFile[]): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of zipChunks(files)) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/** The zip, written to `path` as it is produced (never whole in memory). */
export async function writeZip(files: readonly PlannedFile[], path: string): Promise<void> {
  await pipeline(Readable.from(zipChunks(files), { objectMode: false }), createWriteStream(path))
}
