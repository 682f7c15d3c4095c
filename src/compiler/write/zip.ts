/**
 * OutputFile[] → zip, deterministic: entries sorted, one fixed date, fixed permissions, no extra
 * fields. Same input, same bytes: a trainer can diff two builds, and CI can compare hashes.
 *
 * yazl writes the zip: each file is deflated by Node's zlib (level 9) on the thread pool, then
 * written out in order, with no stream per entry, and the zip can go straight to a file
 * (writeZip) instead of being gathered in memory.
 */
import { createWriteStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'
import type { OutputFile } from '../types.js'

/**
 * 2000-01-01 00:00:00 in the process's own time zone: yazl writes the DOS date from the local
 * getters, so a date built from local parts gives the same DOS bytes in every time zone
 * (issue 13). yazl's extended-timestamp field (UTC seconds, which would differ) is left out.
 */
export const FIXED_DATE = new Date(2000, 0, 1, 0, 0, 0)

const ENTRY: Partial<yazl.Options> = { mtime: FIXED_DATE, mode: 0o100644, compressionLevel: 9, forceDosTimestamp: true }

function archive(files: readonly OutputFile[]): Readable {
  const zip = new yazl.ZipFile()
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const file of sorted) {
    const body = typeof file.contents === 'string' ? Buffer.from(file.contents, 'utf8') : Buffer.from(file.contents.buffer, file.contents.byteOffset, file.contents.byteLength)
    zip.addBuffer(body, file.path, ENTRY)
  }
  zip.end()
  return zip.outputStream as Readable
}

/** The zip, in memory. */
export async function zipFiles(files: readonly OutputFile[]): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of archive(files)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** The zip, written to `path` as it is produced (never whole in memory). */
export async function writeZip(files: readonly OutputFile[], path: string): Promise<void> {
  await pipeline(archive(files), createWriteStream(path))
}
