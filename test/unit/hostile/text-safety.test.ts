/**
 * Characters an author cannot see: control characters (refused: they made imsmanifest.xml
 * ill-formed while parcours said « Paquet écrit »), bidi controls and invisible characters
 * (reported), terminal escape sequences (never printed raw).
 */
import { cpSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it, vi } from 'vitest'
import { main } from '../../../src/cli/main.js'
import { formatDiagnostic } from '../../../src/compiler/diagnostics.js'
import { checkCharacters, xmlSafe, xmlSafeDeep } from '../../../src/compiler/parse/text-safety.js'
import { xmlProblem } from '../../../src/compiler/render/check-xml.js'
import { terminalSafe } from '../../../src/shared/terminal-text.js'
import { buildCourse, expectBuilt, expectRefused, freshDir, hostileCourse, MINIMAL, ROOT } from './hostile-course.js'

const COURSE_YML = readFileSync(join(MINIMAL, 'course.yml'), 'utf8')
const withTitle = (title: string) => COURSE_YML.replace(/^title: .*$/m, `title: ${title}`)

describe('control characters', () => {
  it.each([
    ['NUL', '\u0000'],
    ['U+0001', '\u0001'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['C1 U+0085', '\u0085'],
  ])('%s in the course title: text/control-character at its position, exit 1, nothing written', async (_, char) => {
    const built = await buildCourse(hostileCourse({ 'course.yml': withTitle(`Une formation${char} minimale`) }))
    expectRefused(built, 'text/control-character')
    expect(built.stderr).toContain('course.yml:2:21: erreur [text/control-character]')
  })

  it('written as a YAML escape ("\\x01"): reported at the value', async () => {
    const built = await buildCourse(hostileCourse({ 'course.yml': withTitle('"Une formation\\x01"') }))
    expectRefused(built, 'text/control-character')
    expect(built.stderr).toContain('course.yml:2:8: erreur [text/control-character] Caractère de contrôle invisible U+0001')
  })

  it('in a module (front matter, heading): reported at each line, once per line', () => {
    const text = '---\nid: m\ntitle: "a\u0001\u0001b"\n---\n## P\u0000 {#p}\n'
    expect(checkCharacters(text, 'm.md').map((d) => [d.code, d.line, d.column, d.params?.char])).toEqual([
      ['text/control-character', 3, 10, 'U+0001'],
      ['text/control-character', 5, 5, 'U+0000'],
    ])
  })

  it('tab, line breaks and ordinary accents are not reported; a megabyte of NULs is checked in linear time', () => {
    expect(checkCharacters('a\tb\r\nc « é » ’ — …\n', 'm.md')).toEqual([])
    const start = performance.now()
    expect(checkCharacters(`x${'\u0000'.repeat(1_000_000)}\n`, 'm.md')).toHaveLength(1)
    // A quadratic scan of a megabyte takes minutes; a linear one well under a second, even on a busy machine.
    expect(performance.now() - start).toBeLessThan(20_000)
  })
})

describe('bidi and invisible characters', () => {
  it('a right-to-left override and a zero-width space in the title: warnings, and the manifest is still well-formed', async () => {
    const built = await buildCourse(hostileCourse({ 'course.yml': withTitle('Formation facture\u202Etxt.exe\u200B') }))
    expectBuilt(built)
    expect(built.codes).toEqual(['text/bidi-control', 'text/invisible-character'])
    const zip = await JSZip.loadAsync(readFileSync(join(built.out, 'minimal-scorm12.zip')))
    expect(xmlProblem(await zip.file('imsmanifest.xml')!.async('string'))).toBeUndefined()
  })
})

describe('XML output', () => {
  it('xmlSafe drops every character XML 1.0 forbids and keeps the rest, astral characters included', () => {
    const forbidden = [0, 1, 8, 0xb, 0xc, 0xe, 0x1f, 0xfffe, 0xffff].map((c) => String.fromCharCode(c)).join('') + '\uDFFF' + '\uD800' // lone surrogates (the other order would be a pair)
    expect(xmlSafe(`a${forbidden}b\t\n\r é 😀 \u0085`)).toBe('ab\t\n\r é 😀 \u0085')
    expect(xmlProblem(`<a>${xmlSafe(`x${forbidden}y`)}</a>`)).toBeUndefined()
    expect(xmlSafeDeep({ t: ['a\u0000', { u: 'b\u0001' }], n: 3 })).toEqual({ t: ['a', { u: 'b' }], n: 3 })
  })

  it('xmlProblem finds what Moodle would refuse: a control character, an HTML entity, an unclosed element', () => {
    expect(xmlProblem('<a>\u0001</a>')).toMatchObject({ line: 1, reason: 'disallowed character' })
    expect(xmlProblem('<a>&nbsp;</a>')?.reason).toBe('undefined entity')
    expect(xmlProblem('<a><b></a>')?.reason).toBe('unexpected close tag')
  })
})

describe('terminal output', () => {
  it('escape sequences from a course (retitle the window, clear the screen, forge a link) never reach the terminal', () => {
    const hostile = 'x\u001b]0;pwned\u0007y\u001b[2J\u001b]8;;http://evil\u001b\\z\u009b31m\u0007'
    expect(terminalSafe(hostile)).toBe('xyz<U+0007>')
    const printed = formatDiagnostic({ severity: 'error', code: 'course/module-not-found', file: `course\u001b[31m.yml`, line: 1, column: 1, params: { module: hostile } })
    expect(printed).not.toMatch(/[\u001b\u009b\u0007]/)
    expect(printed).toContain('course.yml:1:1')
  })

  it('the CLI prints a module name holding escape sequences without them', async () => {
    const built = await buildCourse(hostileCourse({ 'course.yml': COURSE_YML.replace('- 01-module.md', '- 01-module.md\n  - "\\e]0;pwned\\a\\e[2Jabsent.md"') }))
    expectRefused(built, 'course/module-not-found')
    expect(built.stderr).not.toMatch(/[\u001b\u0007]/)
  })

  it("Handlebars never writes to the console: {{log}} and refused properties in a course's template are diagnostics", async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined))
    try {
      const dir = join(ROOT, 'test/fixtures/diagnostics/warnings-template-handlebars/content')
      const built = await buildCourse(dir)
      expect(built.status, built.stderr).toBe(0)
      expect(built.codes).toEqual(['template/log', 'template/prototype-property'])
      for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  })

  /** `main()` as on a terminal with colours on: every write as the CLI sends it. */
  async function onTerminal(cwd: string, ...argv: string[]): Promise<{ status: number; out: string }> {
    let out = ''
    const write = (t: string): void => void (out += t)
    const status = await main(argv, { stdout: write, stderr: write, cwd, env: {}, isTTY: true })
    return { status, out }
  }

  const HOSTILE = 'x\u001b]0;pwned\u0007\u001b[2J\u001b]8;;http://evil\u001b\\y\r'

  it('every write of a successful build is cleaned: a course folder and an output folder named with escape sequences', async () => {
    const dir = join(freshDir(), `cours${HOSTILE}`)
    cpSync(MINIMAL, dir, { recursive: true })
    const { status, out } = await onTerminal(ROOT, 'build', dir, '--out', join(freshDir(), `dist${HOSTILE}`))
    expect(status).toBe(0)
    expect(out).toContain('Paquet écrit')
    expect(out).toContain('xy<U+000D>')
    // Only the CLI's own colours are left (style.ts), nothing that moves, clears or retitles.
    expect(out.replace(/\u001b\[(?:2|22|31|32|33|39)m/g, '')).not.toMatch(/[\u001b\u009b\u0007\r]/)
    // `check` paints its summary line: the CLI's colours still reach the terminal.
    const checked = await onTerminal(ROOT, 'check', dir)
    expect(checked.out).toMatch(/\u001b\[(?:32|33)m/)
    expect(checked.out.replace(/\u001b\[(?:2|22|31|32|33|39)m/g, '')).not.toMatch(/[\u001b\u009b\u0007\r]/)
  })

  it('command-line mistakes echoed back are cleaned too (unknown command, unknown option)', async () => {
    for (const argv of [[`bu${HOSTILE}ild`], ['build', `--w${HOSTILE}atch`]]) {
      const { status, out } = await onTerminal(ROOT, ...argv)
      expect(status).toBe(2)
      expect(out.replace(/\u001b\[(?:2|22|31|32|33|39)m/g, '')).not.toMatch(/[\u001b\u009b\u0007\r]/)
    }
  })
})
