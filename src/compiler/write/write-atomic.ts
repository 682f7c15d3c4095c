/**
 * I/O out. Packages are first written under temporary names in the output folder, then all
 * renamed into place: a failed or interrupted build never leaves a half-written zip, nor one
 * format's zip without the other's (`--format all`), where Moodle users would pick it up.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface FileToWrite {
  path: string
  bytes: Uint8Array
}

export async function writeAllAtomic(files: readonly FileToWrite[]): Promise<void> {
  const staged = files.map((f) => ({ ...f, temporary: join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`) }))
  try {
    for (const f of staged) {
      await mkdir(dirname(f.path), { recursive: true })
      await writeFile(f.temporary, f.bytes)
    }
    for (const f of staged) await rename(f.temporary, f.path)
  } catch (e) {
    await Promise.all(staged.map((f) => rm(f.temporary, { force: true })))
    throw e
  }
}
