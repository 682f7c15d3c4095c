/**
 * I/O out. Packages are first written under temporary names in the output folder, then all
 * renamed into place: a failed or interrupted build never leaves a half-written zip, nor one
 * format's zip without the other's (`--format all`), where Moodle users would pick it up.
 */
import { mkdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface FileToWrite {
  path: string
  /** Writes the file's contents at the temporary path it is given (e.g. a zip streamed to disk). */
  write(temporaryPath: string): Promise<void>
}

export async function writeAllAtomic(files: readonly FileToWrite[]): Promise<void> {
  const staged = files.map((f) => ({ ...f, temporary: join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`) }))
  try {
    for (const f of staged) {
      await mkdir(dirname(f.path), { recursive: true })
      await f.write(f.temporary)
    }
    for (const f of staged) await rename(f.temporary, f.path)
  } catch (e) {
    await Promise.all(staged.map((f) => rm(f.temporary, { force: true })))
    throw e
  }
}
