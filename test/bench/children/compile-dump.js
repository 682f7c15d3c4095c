/**
 * Child: compiles a course once, in process, and dumps the package's output files (the exact
 * `OutputFile[]` that `compile()` returns) as one blob (packed.bin, sizes in packed.json) for the
 * floors (floor.js, markdown-floor.js) to deflate. Also reports in-process stage times (read,
 * compile, zip) as JSON on stdout.
 *
 *   node compile-dump.js <contentDir> <dumpDir> <scorm12|scorm2004>
 */
import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
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

// The files as one blob and their sizes (one read for the floors instead of one per file).
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
