/**
 * Child: the physical floor of a build, in a fresh process like the CLI (Node start-up included):
 * read every source file of the course, deflate every file of the package with zlib level 9, and
 * write the bytes. No parsing, no rendering, no zip bookkeeping, and none of parcours' modules
 * loaded. The package's files come from one blob written by compile-dump.js (one read, not one
 * per file: the floor must not do more I/O than a build). Prints the bytes written.
 *
 *   node floor.js <courseDir> <dumpDir> <outFile>
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'

const [courseDir, dumpDir, outFile] = process.argv.slice(2)
const entries = await readdir(courseDir, { recursive: true, withFileTypes: true })
let sourceBytes = 0
for (const e of entries) if (e.isFile()) sourceBytes += (await readFile(join(e.parentPath ?? e.path, e.name))).length
const sizes = JSON.parse(await readFile(join(dumpDir, 'packed.json'), 'utf8'))
const blob = await readFile(join(dumpDir, 'packed.bin'))
const parts = []
let offset = 0
for (const size of sizes) {
  parts.push(deflateRawSync(blob.subarray(offset, offset + size), { level: 9 }))
  offset += size
}
const out = Buffer.concat(parts)
await writeFile(outFile, out)
process.stdout.write(JSON.stringify({ sourceBytes, packageBytes: blob.length, deflatedBytes: out.length }))
