/**
 * Child: the least that any build using markdown-it must do, in a fresh process like the CLI: the
 * physical floor (floor.js: read every source file, deflate every packaged file at level 9, write
 * the bytes) plus markdown-it — the version parcours bundles — loaded, and every Markdown file of
 * the course parsed and rendered to HTML with parcours' options (src/compiler/parse/markdown.ts:
 * no raw HTML, no linkify, no typographer), without a plugin, a check, a template or a zip
 * record. The deflating is given the best arrangement a build could have: every file queued at
 * once on the thread pool before the parsing starts, so the two run side by side on the
 * machine's cores. parcours does strictly more than this on the main thread
 * (its plugins, checks, typography, templates), so build / floor cannot go below
 * markdown-floor / floor. Prints the bytes written and the time spent in markdown-it. run.js
 * runs it bundled with markdown-it into one file, as the CLI is bundled.
 *
 *   node markdown-floor.js <courseDir> <dumpDir> <outFile>
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deflateRaw } from 'node:zlib'
import MarkdownIt from 'markdown-it'

const [courseDir, dumpDir, outFile] = process.argv.slice(2)
const sizes = JSON.parse(await readFile(join(dumpDir, 'packed.json'), 'utf8'))
const blob = await readFile(join(dumpDir, 'packed.bin'))
let offset = 0
const deflated = sizes.map((size) => {
  const bytes = blob.subarray(offset, (offset += size))
  return new Promise((resolve, reject) => deflateRaw(bytes, { level: 9 }, (error, out) => (error ? reject(error) : resolve(out))))
})
const entries = await readdir(courseDir, { recursive: true, withFileTypes: true })
let sourceBytes = 0
const texts = []
for (const e of entries) {
  if (!e.isFile()) continue
  const bytes = await readFile(join(e.parentPath ?? e.path, e.name))
  sourceBytes += bytes.length
  if (e.name.endsWith('.md')) texts.push(bytes.toString('utf8'))
}
const t0 = performance.now()
const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
let htmlLength = 0
for (const text of texts) htmlLength += md.render(text).length
const markdownMs = performance.now() - t0
const out = Buffer.concat(await Promise.all(deflated))
await writeFile(outFile, out)
process.stdout.write(JSON.stringify({ sourceBytes, markdownFiles: texts.length, htmlLength, markdownMs: Math.round(markdownMs), deflatedBytes: out.length }))
