/**
 * The command line as an author meets it: `node bin/parcours.js …` in a child process.
 * Runs the compiled CLI (dist/lib): `npm test` builds it first; when it is missing it is built here.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const CORPUS = join(ROOT, 'test/fixtures/diagnostics')
const MINIMAL = join(ROOT, 'test/fixtures/courses/minimal/content')
/** A stack frame line, as Node prints an uncaught error: what an author must never see for a mistake. */
const STACK_LINE = /^ {4}at /m

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function parcours(...args: string[]): Run {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/parcours.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const temporary: string[] = []
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-cli-'))
  temporary.push(dir)
  return dir
}

beforeAll(() => {
  if (existsSync(join(ROOT, 'dist/lib/cli/main.js'))) return
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'src')], { encoding: 'utf8' })
  if (tsc.status !== 0) throw new Error(`tsc -p src failed:\n${tsc.stdout}${tsc.stderr}`)
})

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('parcours build with mistakes in the course', () => {
  // Three stages: course.yml unreadable (stops at once), mistakes in several files, a broken template override.
  it.each(['yaml-course-syntax', 'several-files', 'template-syntax-error'])('%s: exit 1, every diagnostic, no stack, nothing written', (name) => {
    const out = freshDir()
    const run = parcours('build', join(CORPUS, name, 'content'), '--out', out)
    expect(run.status).toBe(1)
    const expected = readFileSync(join(CORPUS, name, 'expected.fr.txt'), 'utf8')
    // The CLI prints paths relative to the course folder, as the goldens do.
    expect(run.stderr).toContain(expected)
    expect(run.stderr).toMatch(/\d+ erreur\(s\), \d+ avertissement\(s\) : aucun paquet écrit\./)
    expect(run.stderr).not.toMatch(STACK_LINE)
    expect(run.stdout).toBe('')
    expect(readdirSync(out)).toEqual([]) // no zip, no temporary file
  })

  it('does not even create a missing output folder', () => {
    const out = join(freshDir(), 'dist')
    const run = parcours('build', join(CORPUS, 'several-files', 'content'), '--out', out)
    expect(run.status).toBe(1)
    expect(existsSync(out)).toBe(false)
  })

  it('words the diagnostics in English with --lang en', () => {
    const out = freshDir()
    const run = parcours('build', join(CORPUS, 'several-files', 'content'), '--out', out, '--lang', 'en')
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(readFileSync(join(CORPUS, 'several-files', 'expected.en.txt'), 'utf8'))
    expect(run.stderr).toContain('no package written')
    expect(run.stderr).not.toContain('erreur')
    expect(readdirSync(out)).toEqual([])
  })
})

describe('parcours build of a valid course', () => {
  it('exits 0 and writes exactly one zip', () => {
    const out = freshDir()
    const run = parcours('build', MINIMAL, '--out', out)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(readdirSync(out)).toEqual(['minimal-scorm12.zip'])
    expect(readFileSync(join(out, 'minimal-scorm12.zip')).subarray(0, 2).toString('latin1')).toBe('PK')
    expect(run.stdout).toContain('minimal-scorm12.zip')
  })

  it('--format all writes both versions, the same bytes on every build', () => {
    const first = freshDir()
    const second = freshDir()
    expect(parcours('build', MINIMAL, '--out', first, '--format', 'all').status).toBe(0)
    expect(parcours('build', MINIMAL, '--out', second, '--format', 'all').status).toBe(0)
    expect(readdirSync(first).sort()).toEqual(['minimal-scorm12.zip', 'minimal-scorm2004.zip'])
    for (const zip of readdirSync(first)) expect(readFileSync(join(second, zip)).equals(readFileSync(join(first, zip))), zip).toBe(true)
  })

  it('refuses an output path that is a file, with a message and exit 2, writing nothing', () => {
    const dir = freshDir()
    const file = join(dir, 'not-a-folder')
    writeFileSync(file, 'x')
    const run = parcours('build', MINIMAL, '--out', file)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('not-a-folder')
    expect(run.stderr).not.toMatch(/^\s+at /m)
    expect(readdirSync(dir)).toEqual(['not-a-folder'])
  })
})

describe('parcours usage', () => {
  it('--help prints the usage and exits 0', () => {
    const run = parcours('--help')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('parcours build')
  })

  it("--version prints package.json's version", () => {
    const run = parcours('--version')
    expect(run.status).toBe(0)
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(run.stdout.trim()).toBe(version)
  })

  it.each([
    ['an unknown command', ['frobnicate']],
    ['an unknown format', ['build', MINIMAL, '--format', 'bogus']],
    ['an unknown option', ['build', MINIMAL, '--bogus']],
    ['a missing folder', ['build', 'test/fixtures/no-such-course']],
  ])('%s exits 2 with a message and no stack', (_, args) => {
    const out = freshDir()
    const run = parcours(...args, '--out', out)
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).not.toBe('')
    expect(run.stderr).not.toMatch(STACK_LINE)
    expect(readdirSync(out)).toEqual([])
  })
})
