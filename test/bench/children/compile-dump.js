/**
 * Child: compiles a course once, in process, and dumps the package's output files (the exact
 * `OutputFile[]` that `compile()` returns) to a folder, so that zip-only.js can zip the very same
 * files without compiling, and as one blob (packed.bin, sizes in packed.json) for floor.js. Also reports in-process stage times (read, compile, zip) as JSON on stdout.
 *
 *   node compile-dump.js <contentDir> <dumpDir> <scorm12|scorm2004>
 */
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { compile, readBuiltins, readTree, zipFiles } from '../../../lib/index.js'

const [contentDir, dumpDir, format] = process.argv.slice(2)
const t0 = performance.now()
const [tree, builtins] = await Promise.all([readTree(contentDir), readBuiltins()])
const t1 = performance.now()
const result = compile(tree, builtins, [format])
const t2 = performance.now()
const pkg = result.packages[0]
const zip = await zipFiles(pkg.files)
const t3 = performance.now()

const index = []
for (const file of pkg.files) {
  const isText = typeof file.contents === 'string'
  index.push({ path: file.path, text: isText })
  const to = join(dumpDir, 'files', file.path)
  await mkdir(dirname(to), { recursive: true })
  await writeFile(to, isText ? file.contents : Buffer.from(file.contents))
}
await writeFile(join(dumpDir, 'index.json'), JSON.stringify(index))
// The same files as one blob and their sizes, for floor.js (one read instead of one per file).
const buffers = pkg.files.map((f) => (typeof f.contents === 'string' ? Buffer.from(f.contents) : Buffer.from(f.contents)))
await writeFile(join(dumpDir, 'packed.bin'), Buffer.concat(buffers))
await writeFile(join(dumpDir, 'packed.json'), JSON.stringify(buffers.map((b) => b.length)))

const outputBytes = pkg.files.reduce((n, f) => n + (typeof f.contents === 'string' ? Buffer.byteLength(f.contents) : f.contents.byteLength), 0)
process.stdout.write(
  JSON.stringify({
    stagesMs: { read: t1 - t0, compile: t2 - t1, zip: t3 - t2 },
    files: pkg.files.length,
    outputBytes,
    zipBytes: zip.length,
    zipSha256: createHash('sha256').update(zip).digest('hex'),
    scos: pkg.scos.length,
    pages: pkg.scos.reduce((n, s) => n + s.data.pages.length, 0),
    questions: pkg.scos.reduce((n, s) => n + s.data.questions.length, 0),
    warnings: result.diagnostics.length,
  }),
)
