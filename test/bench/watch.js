/**
 * Watch-mode rebuilds, in process as `parcours build --watch` runs them: one full build to fill
 * the analysis cache (and warm the JIT, as a watching process is), then a one-line edit of one
 * module and a rebuild, several times. Only the edited module is parsed again; templates, SCO
 * data, rendering and the zip are redone.
 */
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'

export async function watchRebuild(lib, courseDir, { runs = 5, format = 'scorm12', inMemory = false } = {}) {
  const out = await mkdtemp(join(os.tmpdir(), 'parcours-bench-watch-'))
  try {
    const cache = lib.createAnalysisCache()
    lib.rememberDigests() // as `build --watch` and `preview` do
    const course = await readFile(join(courseDir, 'course.yml'), 'utf8')
    const entries = [...course.matchAll(/^ {2}- (.+)$/gm)].map((m) => m[1].trim())
    const entry = entries[Math.floor(entries.length / 2)]
    const file = [join(courseDir, entry), join(courseDir, `${entry}.md`), join(courseDir, entry, 'index.md')]
    let path
    for (const candidate of file)
      if (
        await readFile(candidate).then(
          () => true,
          () => false,
        )
      )
        path = path ?? candidate
    const original = await readFile(path, 'utf8')
    const builtins = await lib.readBuiltins()
    let t = performance.now()
    await lib.build(courseDir, { out, formats: [format], cache })
    const firstMs = performance.now() - t
    const times = []
    try {
      for (let i = 0; i < runs; i++) {
        // One line of one paragraph changes: what a trainer's save does.
        await writeFile(
          path,
          original.replace(/\n\n([^#:\n-][^\n]*)\n/, (_, line) => `\n\n${line} (modifié ${i})\n`),
        )
        t = performance.now()
        if (inMemory) {
          // What preview does on a save: the watcher names the file, the course is read and compiled
          // in memory (no zip, no answer key).
          lib.markChanged(cache, [path.slice(courseDir.length + 1)])
          lib.compile(await lib.readTree(courseDir, { strings: builtins.strings, cache }), builtins, [format], cache, { answerKey: false })
        } else await lib.build(courseDir, { out, formats: [format], cache })
        times.push(performance.now() - t)
      }
    } finally {
      await writeFile(path, original)
    }
    times.sort((a, b) => a - b)
    return { file: path.slice(courseDir.length + 1), firstMs, medianMs: times[Math.floor(times.length / 2)], minMs: times[0], maxMs: times[times.length - 1], runs }
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}
