/**
 * The names of a course folder's files, without reading any of them. Hidden entries and
 * node_modules are not entered; symbolic links are neither followed nor listed (a link to `/`
 * must not make parcours walk the disk). Paths are NFC: a module saved on macOS (NFD on disk)
 * matches the name typed in course.yml.
 */
import { opendir } from 'node:fs/promises'
import { join } from 'node:path'

/** More entries than this and the folder is not a course folder (a home folder, a disk). */
export const MAX_ENTRIES = 100_000

export interface Listing {
  /** NFC path relative to the course folder (`/` separators) → path on disk (relative, as stored). */
  files: Map<string, string>
  /** Folders that could not be opened (relative paths, `.` for the course folder itself). */
  unreadable: { path: string; reason: string }[]
  /** Set when the walk stopped at MAX_ENTRIES. */
  tooMany: boolean
}

export async function listFiles(root: string, maxEntries = MAX_ENTRIES): Promise<Listing> {
  const listing: Listing = { files: new Map(), unreadable: [], tooMany: false }
  let entries = 0
  const pending: string[] = ['']
  while (pending.length > 0) {
    const dir = pending.pop()!
    let handle
    try {
      handle = await opendir(join(root, dir))
    } catch (e) {
      listing.unreadable.push({ path: dir || '.', reason: reasonOf(e) })
      continue
    }
    try {
      for await (const entry of handle) {
        if (++entries > maxEntries) {
          listing.tooMany = true
          return listing
        }
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
        const path = dir ? `${dir}/${entry.name}` : entry.name
        if (entry.isDirectory()) pending.push(path)
        else if (entry.isFile()) listing.files.set(path.normalize('NFC'), path)
      }
    } catch (e) {
      listing.unreadable.push({ path: dir || '.', reason: reasonOf(e) })
    }
  }
  return listing
}

/** `EACCES`, `EMFILE`…: the system's code, the same in every language; else the message. */
export function reasonOf(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))
}
