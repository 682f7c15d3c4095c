/**
 * Child: the zip-only baseline. Reads the output files dumped by compile-dump.js (strings stay
 * strings, bytes stay bytes, as compile() returned them), zips them with parcours' own zipFiles()
 * and writes the zip: the same start-up, the same import of lib/index.js, the same zipper and
 * the same write as the real CLI, with no compilation. Prints the zip's sha256 on stdout.
 *
 *   node zip-only.js <dumpDir> <outZip>
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { zipFiles } from '../../../lib/index.js'

const [dumpDir, outZip] = process.argv.slice(2)
const index = JSON.parse(await readFile(join(dumpDir, 'index.json'), 'utf8'))
const files = await Promise.all(
  index.map(async ({ path, text }) => ({
    path,
    contents: text ? await readFile(join(dumpDir, 'files', path), 'utf8') : new Uint8Array(await readFile(join(dumpDir, 'files', path))),
  })),
)
const zip = await zipFiles(files)
await writeFile(outZip, zip)
process.stdout.write(createHash('sha256').update(zip).digest('hex'))
