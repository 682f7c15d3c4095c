// Watch and preview re-read only what changed (read-tree.ts readKept): a file is read again when the
// watcher names it, or when its size or modification time changed; otherwise the last read is kept.
import { cpSync, statSync, utimesSync, writeFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAnalysisCache, markChanged, readTree } from '../../../src/index.js'
import { temporaryDirs } from '../../helpers/cli.js'

const MINIMAL = join(import.meta.dirname, '../../fixtures/courses/minimal/content')
const freshDir = temporaryDirs('parcours-read-kept-')

describe('reading a course again in a watching process', () => {
  it('takes what changed from disk, by size and time or by the watcher’s word, and keeps the rest', async () => {
    const dir = freshDir()
    cpSync(MINIMAL, dir, { recursive: true })
    const module = Object.keys((await readTree(dir)).files).find((p) => p.endsWith('.md'))!
    const path = join(dir, module)
    const cache = createAnalysisCache()
    const first = await readTree(dir, { cache })
    const original = first.files[module]!.text!

    // A save that changes the size: read again, with no word from the watcher.
    writeFileSync(path, `${original}\nUne ligne de plus.\n`)
    expect((await readTree(dir, { cache })).files[module]!.text).toContain('Une ligne de plus.')

    // A save of the same size put back to the same time (what a coarse clock can give): kept as it
    // was unless the watcher names the file, and then read.
    const T = 1_700_000_000 // whole seconds: the same time to the nanosecond after both writes
    utimesSync(path, T, T)
    expect((await readTree(dir, { cache })).files[module]!.text).toContain('Une ligne de plus.')
    const sameSize = readFileSync(path, 'utf8').replace('Une ligne de plus.', 'Une ligne de PLUS.')
    writeFileSync(path, sameSize)
    utimesSync(path, T, T)
    expect(statSync(path).mtimeMs).toBe(T * 1000)
    expect((await readTree(dir, { cache })).files[module]!.text).toContain('Une ligne de plus.')
    markChanged(cache, [module])
    expect((await readTree(dir, { cache })).files[module]!.text).toContain('Une ligne de PLUS.')
    // Without a cache, always from disk.
    expect((await readTree(dir)).files[module]!.text).toContain('Une ligne de PLUS.')
  })
})
