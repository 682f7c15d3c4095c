/**
 * Helpers of the hostile corpus: a valid course (test/fixtures/courses/minimal) copied to a
 * temporary folder with hostile files added, built by the real CLI in process, and the verdict:
 * exit code, the diagnostic codes printed, and what the output folder holds afterwards.
 */
import { cpSync, existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { parcoursIn, temporaryDirs, type Run } from '../../helpers/cli.js'

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const MINIMAL = join(ROOT, 'test/fixtures/courses/minimal/content')
/** A stack frame line: what an author must never see for a mistake in the course. */
const STACK_LINE = /^ {4}at /m

export const freshDir = temporaryDirs('parcours-hostile-')

/** The minimal course with files added or replaced (text, or bytes). Returns the course folder. */
export function hostileCourse(files: Record<string, string | Uint8Array> = {}, base = MINIMAL): string {
  const dir = join(freshDir(), 'content')
  cpSync(base, dir, { recursive: true })
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), contents)
  }
  return dir
}

export interface Built extends Run {
  out: string
  /** Diagnostic codes printed, in order (`[module/front-matter-not-yaml]`). */
  codes: string[]
}

/** `parcours build <dir> --out <fresh> --format all`, in process. */
export async function buildCourse(dir: string, ...extra: string[]): Promise<Built> {
  const out = join(freshDir(), 'dist')
  const run = await parcoursIn(ROOT, 'build', dir, '--out', out, '--format', 'all', ...extra)
  return { ...run, out, codes: [...run.stderr.matchAll(/ \[([a-z0-9-]+\/[a-z0-9-]+)\] /g)].map((m) => m[1]!) }
}

/** Exit 1, the code among the diagnostics, no stack, nothing written (not even the output folder). */
export function expectRefused(built: Built, code: string): void {
  expect(built.stderr).not.toMatch(STACK_LINE)
  expect(built.codes, built.stderr).toContain(code)
  expect(built.status, built.stderr).toBe(1)
  expect(built.stdout).toBe('')
  expect(existsSync(built.out) ? readdirSync(built.out) : [], 'nothing written').toEqual([])
}

/** Exit 0, both zips written, no stack. */
export function expectBuilt(built: Built): void {
  expect(built.stderr).not.toMatch(STACK_LINE)
  expect(built.status, built.stderr).toBe(0)
  expect(readdirSync(built.out).sort()).toEqual(['minimal-scorm12.zip', 'minimal-scorm2004.zip'])
}
