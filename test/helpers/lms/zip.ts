// Unpacks a SCORM zip (a built dist/*.zip or a third-party sample) into the path → Buffer map
// the test LMS serves. Reads with jszip, in memory; nothing is written to disk.

import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'

export type { PackageFiles } from '../../../src/lms/package-files.js'

export async function unzipPackage(source: string | Buffer | Uint8Array): Promise<Map<string, Buffer>> {
  const data = typeof source === 'string' ? await readFile(source) : source
  const zip = await JSZip.loadAsync(data)
  const files = new Map<string, Buffer>()
  const entries = Object.values(zip.files).filter((f) => !f.dir)
  await Promise.all(
    entries.map(async (f) => {
      files.set(f.name, await f.async('nodebuffer'))
    }),
  )
  return files
}
