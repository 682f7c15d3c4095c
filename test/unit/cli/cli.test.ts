/**
 * The command line as an author meets it. Most cases call `main(argv, io)` in process, with the
 * output collected; the last block runs the real `node bin/parcours.js` (the bundle in lib/) for
 * what only a process shows: exit codes, the bin, no stack, `rm -rf dist` harmless.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'
import { parcoursIn, temporaryDirs, type Run } from '../../helpers/cli.js'
import { generateCourse } from '../../bench/generate.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const CORPUS = join(ROOT, 'test/fixtures/diagnostics')
const MINIMAL = join(ROOT, 'test/fixtures/courses/minimal/content')
/** A stack frame line, as Node prints an uncaught error: what an author must never see for a mistake. */
const STACK_LINE = /^ {4}at /m

/** `parcours …` in process, from the repository. */
async function parcours(...args: string[]): Promise<Run> {
  return parcoursIn(ROOT, ...args)
}

/** The real thing: `node bin/parcours.js …` in a child process. */
function processRun(args: string[], cwd = ROOT): Run {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/parcours.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const freshDir = temporaryDirs('parcours-cli-')

describe('parcours build with mistakes in the course', () => {
  // Three stages: course.yml unreadable (stops at once), mistakes in several files, a broken template override.
  it.each(['yaml-course-syntax', 'several-files', 'template-syntax-error'])('%s: exit 1, every diagnostic, no stack, nothing written', async (name) => {
    const out = freshDir()
    const run = await parcours('build', join(CORPUS, name, 'content'), '--out', out)
    expect(run.status).toBe(1)
    const expected = readFileSync(join(CORPUS, name, 'expected.fr.txt'), 'utf8')
    // The CLI prints paths relative to the course folder, as the goldens do.
    expect(run.stderr).toContain(expected)
    expect(run.stderr).toMatch(/\d+ erreur\(s\), \d+ avertissement\(s\) : aucun paquet écrit\./)
    expect(run.stderr).not.toMatch(STACK_LINE)
    expect(run.stdout).toBe('')
    expect(readdirSync(out)).toEqual([]) // no zip, no temporary file
  })

  it('does not even create a missing output folder', async () => {
    const out = join(freshDir(), 'dist')
    const run = await parcours('build', join(CORPUS, 'several-files', 'content'), '--out', out)
    expect(run.status).toBe(1)
    expect(existsSync(out)).toBe(false)
  })

  it('words the diagnostics in English with --lang en', async () => {
    const out = freshDir()
    const run = await parcours('build', join(CORPUS, 'several-files', 'content'), '--out', out, '--lang', 'en')
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(readFileSync(join(CORPUS, 'several-files', 'expected.en.txt'), 'utf8'))
    expect(run.stderr).toContain('no package written')
    expect(run.stderr).not.toContain('erreur')
    expect(readdirSync(out)).toEqual([])
  })
})

describe('parcours build of a valid course', () => {
  it('exits 0 and writes exactly one zip', async () => {
    const out = freshDir()
    const run = await parcours('build', MINIMAL, '--out', out)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(readdirSync(out)).toEqual(['minimal-scorm12.zip'])
    expect(readFileSync(join(out, 'minimal-scorm12.zip')).subarray(0, 2).toString('latin1')).toBe('PK')
    expect(run.stdout).toContain('minimal-scorm12.zip')
  })

  it('--format all writes both versions, the same bytes on every build', async () => {
    const first = freshDir()
    const second = freshDir()
    expect((await parcours('build', MINIMAL, '--out', first, '--format', 'all')).status).toBe(0)
    expect((await parcours('build', MINIMAL, '--out', second, '--format', 'all')).status).toBe(0)
    expect(readdirSync(first).sort()).toEqual(['minimal-scorm12.zip', 'minimal-scorm2004.zip'])
    for (const zip of readdirSync(first)) expect(readFileSync(join(second, zip)).equals(readFileSync(join(first, zip))), zip).toBe(true)
  })

  it('--answer-key writes the trainers’ key beside the zip, never inside it', async () => {
    const out = freshDir()
    const run = await parcours('build', MINIMAL, '--out', out, '--answer-key')
    expect(run.status).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['minimal-corrige.html', 'minimal-scorm12.zip'])
    expect(run.stdout).toContain('Corrigé écrit')
    const key = readFileSync(join(out, 'minimal-corrige.html'), 'utf8')
    expect(key).toMatch(/^<!doctype html>/)
    expect(key).toContain('(bonne réponse)')
    const zip = readFileSync(join(out, 'minimal-scorm12.zip'))
    expect(zip.includes('corrige')).toBe(false)
    // Without the option, no key.
    const plain = freshDir()
    expect((await parcours('build', MINIMAL, '--out', plain)).status).toBe(0)
    expect(readdirSync(plain)).toEqual(['minimal-scorm12.zip'])
  })

  it('refuses an output path that is a file, with a message and exit 2, writing nothing', async () => {
    const dir = freshDir()
    const file = join(dir, 'not-a-folder')
    writeFileSync(file, 'x')
    const run = await parcours('build', MINIMAL, '--out', file)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('not-a-folder')
    expect(run.stderr).not.toMatch(/^\s+at /m)
    expect(readdirSync(dir)).toEqual(['not-a-folder'])
  })
})

describe('parcours usage', () => {
  it('--help prints the usage and exits 0', async () => {
    const run = await parcours('--help')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('parcours build')
  })

  it("--version prints package.json's version", async () => {
    const run = await parcours('--version')
    expect(run.status).toBe(0)
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(run.stdout.trim()).toBe(version)
  })

  it.each([
    ['an unknown command', ['frobnicate']],
    ['an unknown format', ['build', MINIMAL, '--format', 'bogus']],
    ['an unknown option', ['build', MINIMAL, '--bogus']],
    ['a missing folder', ['build', 'test/fixtures/no-such-course']],
  ])('%s exits 2 with a message and no stack', async (_, args) => {
    const out = freshDir()
    const run = await parcours(...args, '--out', out)
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).not.toBe('')
    expect(run.stderr).not.toMatch(STACK_LINE)
    expect(readdirSync(out)).toEqual([])
  })
})

describe('options and languages', () => {
  it.each([
    [['build', MINIMAL, '--watchh'], /^Option inconnue « --watchh »\./],
    [['build', MINIMAL, '--fromat', 'all'], /Option inconnue « --fromat »\. Vouliez-vous dire « --format » \?/],
    [['build', MINIMAL, '--out'], /L’option « --out » attend une valeur/],
    [['build', MINIMAL, '--help=yes'], /ne prend pas de valeur/],
    [['build', MINIMAL, '--lang', 'de'], /Langue inconnue « de »/],
    [['biuld'], /Commande inconnue « biuld »\. Vouliez-vous dire « build » \?/],
    [['build', MINIMAL, 'extra'], /Argument en trop : « extra »/],
  ])('%j: a French message, the help to read, exit 2', async (args, message) => {
    const run = await parcours(...args)
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr).toMatch(/Aide : parcours (build )?--help/)
    expect(run.stderr).not.toMatch(/ERR_PARSE_ARGS|Unknown option/)
  })

  it.each([['--lang', 'en'], ['--lang=en']])('%s words command-line mistakes in English, wherever it stands', async (...lang) => {
    const run = await parcours(...lang, 'build', MINIMAL, '--bogus')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Unknown option "--bogus".')
    expect(run.stderr).toContain('Help: parcours build --help --lang en')
  })

  it('every command has its help in French and English, with the exit codes', async () => {
    for (const [lang, words] of [
      ['fr', ['Usage :', 'Codes de sortie : 0 succès, 1 erreurs dans la formation, 2', '70 anomalie']],
      ['en', ['Usage:', 'Exit codes: 0 success, 1 errors in the course, 2', '70 parcours bug']],
    ] as const) {
      for (const args of [
        ['build', '--help'],
        ['help', 'build'],
        ['build', '-h'],
      ]) {
        const run = await parcours(...args, '--lang', lang)
        expect(run.status).toBe(0)
        for (const word of words) expect(run.stdout).toContain(word)
        expect(run.stdout).toContain('--format')
      }
    }
    const general = await parcours('--help', '--lang', 'en')
    expect(general.stdout).toContain('parcours build [folder] [options]')
    expect(general.stdout).toContain('Exit codes:')
  })

  it('parcours alone prints the help and exits 2', async () => {
    const run = await parcours()
    expect(run.status).toBe(2)
    expect(run.stdout).toContain('parcours build')
  })
})

describe('the course folder by default', () => {
  it('is the current folder when it holds course.yml', async () => {
    const course = freshDir()
    cpSync(MINIMAL, course, { recursive: true })
    const run = await parcoursIn(course, 'build')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('dist/minimal-scorm12.zip')
    expect(existsSync(join(course, 'dist/minimal-scorm12.zip'))).toBe(true)
  })

  it('is content/ otherwise', async () => {
    const dir = freshDir()
    cpSync(MINIMAL, join(dir, 'content'), { recursive: true })
    const run = await parcoursIn(dir, 'build')
    expect(run.status).toBe(0)
    expect(existsSync(join(dir, 'dist/minimal-scorm12.zip'))).toBe(true)
  })

  it('neither: says to run it from the course folder with "."', async () => {
    const run = await parcoursIn(freshDir(), 'build')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('parcours build .')
  })

  it('a missing folder: the message suggests "."', async () => {
    const run = await parcours('build', 'no-such-course')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Dossier introuvable : no-such-course')
    expect(run.stderr).toContain('parcours build .')
  })
})

describe('a bug in parcours', () => {
  it('says it is not the author’s mistake, prints the stack and exits 70', async () => {
    let stderr = ''
    const broken = {
      name: 'boom',
      summary: { fr: '', en: '' },
      usage: { fr: 'parcours boom', en: 'parcours boom' },
      options: {},
      maxPositionals: 0,
      run: () => Promise.reject(new Error('kaput')),
    }
    const status = await main(['boom'], { stdout: () => {}, stderr: (t) => void (stderr += t), cwd: ROOT, env: {}, isTTY: false }, [broken])
    expect(status).toBe(70)
    expect(stderr).toContain('Anomalie interne de parcours')
    expect(stderr).toContain('Error: kaput')
  })
})

describe('the real process (bin/parcours.js, bundled in lib/)', () => {
  // What bin/parcours.js does in a checkout anyway, done once here so that no test times a build.
  beforeAll(() => {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-built.js')], { cwd: ROOT, encoding: 'utf8' })
    if (built.status !== 0) throw new Error(`scripts/ensure-built.js failed:\n${built.stderr}`)
  })

  it('exit 0 and a zip for a valid course, from any folder', () => {
    const out = freshDir()
    const run = processRun(['build', MINIMAL, '--out', out], freshDir())
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(readdirSync(out)).toEqual(['minimal-scorm12.zip'])
  })

  it('exit 1 for a course with errors, exit 2 for an unknown option, no stack', () => {
    const one = processRun(['build', join(CORPUS, 'several-files', 'content'), '--out', freshDir()])
    expect(one.status).toBe(1)
    expect(one.stderr).not.toMatch(STACK_LINE)
    const two = processRun(['build', MINIMAL, '--watchh'])
    expect(two.status).toBe(2)
    expect(two.stderr).toMatch(/^Option inconnue « --watchh »/)
    expect(two.stderr).not.toMatch(STACK_LINE)
  })

  it('collects garbage as a batch process does (src/cli/batch-gc.ts): whole major collections, no incremental marking', async () => {
    // 40 generated modules: enough for V8 to start an incremental marking without the flags (it
    // did in every run), and for the build to need a major collection with them.
    const course = freshDir()
    await generateCourse(course, { modules: 40, pages: 10, questions: 8, sco: 'module' })
    const result = spawnSync(process.execPath, ['--trace-gc', join(ROOT, 'bin/parcours.js'), 'build', course, '--out', freshDir(), '--quiet'], { encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/Mark-Compact/)
    expect(result.stdout).not.toMatch(/incremental marking/)
  })

  it('--version', () => {
    const run = processRun(['--version'])
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(run.status).toBe(0)
    expect(run.stdout.trim()).toBe(version)
  })

  it('needs neither dist/ nor node_modules: the files an install ships are enough', () => {
    const tool = freshDir()
    for (const part of ['bin', 'lib', 'starter', 'templates', 'package.json']) cpSync(join(ROOT, part), join(tool, part), { recursive: true })
    const course = freshDir()
    cpSync(MINIMAL, course, { recursive: true })
    const result = spawnSync(process.execPath, [join(tool, 'bin/parcours.js'), 'build'], { cwd: course, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(readdirSync(join(course, 'dist'))).toEqual(['minimal-scorm12.zip'])
  })

  it('installs from its tarball (npm pack, npm install -g) without a warning, and builds a course elsewhere', () => {
    const dir = freshDir()
    // --ignore-scripts: lib/ is already built (beforeAll); prepack would rebuild it under the other tests' feet.
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })
    expect(pack.status, pack.stderr).toBe(0)
    const tarball = join(dir, pack.stdout.trim().split('\n').pop()!)
    const prefix = join(dir, 'prefix')
    const install = spawnSync('npm', ['install', '-g', '--offline', '--prefix', prefix, tarball], { cwd: dir, encoding: 'utf8' })
    expect(install.status, install.stderr).toBe(0)
    expect(install.stderr).not.toMatch(/warn/i)
    const installed = join(prefix, 'lib/node_modules/parcours')
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'lib', 'package.json', 'starter', 'templates'])
    const course = join(dir, 'ma-formation')
    expect(spawnSync(join(prefix, 'bin/parcours'), ['init', course], { cwd: dir, encoding: 'utf8' }).status).toBe(0)
    const run = spawnSync(join(prefix, 'bin/parcours'), ['build', '--format', 'all'], { cwd: course, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(readdirSync(join(course, 'dist')).sort()).toEqual(['ma-formation-scorm12.zip', 'ma-formation-scorm2004.zip'])
    // inspect validates against the official schemas with what lib/ ships (schema sets, xmllint-wasm).
    const inspect = spawnSync(join(prefix, 'bin/parcours'), ['inspect', 'dist/ma-formation-scorm2004.zip'], { cwd: course, encoding: 'utf8' })
    expect(inspect.stderr).toBe('')
    expect(inspect.status).toBe(0)
    expect(inspect.stdout).toContain('Schémas officiels (scorm2004) : valide.')
  })
})
