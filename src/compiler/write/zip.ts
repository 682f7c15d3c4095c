/**
 * OutputFile[] → zip bytes, deterministic: entries sorted, one fixed date, fixed permissions.
 * Same input, same bytes: a trainer can diff two builds, and CI can compare hashes.
 */
import archiver from 'archiver'
import type { OutputFile } from '../types.js'

/**
 * 2000-01-01 00:00:00, as UTC on both sides: archiver (compress-commons' dateToDos) writes the DOS
 * date with UTC getters unless `forceLocalTime` is set, so the date is built with Date.UTC. A date
 * built from local parts gave other bytes in every time zone but UTC (issue 13).
 */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0))

export function zipFiles(files: readonly OutputFile[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const archive = archiver('zip', { zlib: { level: 9 }, forceLocalTime: false })
    const chunks: Buffer[] = []
    archive.on('data', (chunk: Buffer) => chunks.push(chunk))
    archive.on('error', reject)
    archive.on('warning', reject)
    archive.on('end', () => resolve(Buffer.concat(chunks)))
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    for (const file of sorted) {
      const body = typeof file.contents === 'string' ? Buffer.from(file.contents, 'utf8') : Buffer.from(file.contents)
      archive.append(body, { name: file.path, date: FIXED_DATE, mode: 0o644 })
    }
    void archive.finalize()
  })
}
