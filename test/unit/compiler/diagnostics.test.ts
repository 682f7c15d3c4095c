/**
 * The diagnostics corpus: every folder of test/fixtures/diagnostics/ is a tiny course with one kind
 * of mistake (or several, for `several-files`). Its golden files hold what the author reads:
 *
 *   <case>/content/…          the course folder, as `parcours build content` would read it
 *   <case>/expected.fr.txt    every diagnostic of one run, formatted in French, in compiler order
 *   <case>/expected.en.txt    the same in English (some cases only)
 *
 * A case whose name starts with `warnings-` compiles (warnings only); every other case must fail.
 * Update the goldens with `npm run test:update`, then read the diff: positions are checked by eye.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { CompileError, formatDiagnostic, sortDiagnostics, type Diagnostic } from '../../../src/compiler/diagnostics.js'
import { analyse, compile, createAnalysisCache } from '../../../src/compiler/pipeline.js'
import { checkTypography } from '../../../src/compiler/check/index.js'
import { readBuiltins, type Builtins } from '../../../src/compiler/read/read-builtins.js'
import { readTree } from '../../../src/compiler/read/read-tree.js'
import { check } from '../../../src/index.js'
import { DIAGNOSTIC_TEXTS, type DiagnosticCode } from '../../../src/i18n/diagnostics.js'
import type { Lang } from '../../../src/shared/sco-data.js'

const CORPUS = fileURLToPath(new URL('../../fixtures/diagnostics/', import.meta.url))
const CASES = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

/**
 * Codes no case of the corpus triggers, and why. Any other code must appear in some golden file,
 * so that a new diagnostic comes with its case.
 */
const NOT_IN_CORPUS: Partial<Record<DiagnosticCode, string>> = {
  'course/no-modules': 'not emitted: an empty modules list is config/invalid-value (minItems 1)',
  'question/too-many-choices': 'needs 37 answers: see parse.test.ts',
  'state/too-large': 'generated course: test/unit/compiler/state-budget.test.ts',
  'state/key-collision': 'generated ids: test/unit/compiler/state-budget.test.ts',
  'update/not-a-package': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/other-course': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/graded-question-added': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/graded-question-removed': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/points-changed': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/answers-reworded': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/correct-answer-changed': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/rule-changed': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/question-added': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/question-removed': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/page-added': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/page-removed': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/page-order-changed': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/question-renamed': 'compares with a zip: test/unit/compiler/against.test.ts',
  'update/page-renamed': 'compares with a zip: test/unit/compiler/against.test.ts',
  'output/is-course-folder': 'checked by build() before reading: test/unit/hostile/corpus.test.ts',
  'read/unreadable-file': 'needs a file the system refuses: test/unit/hostile/read-errors.test.ts',
  'read/unreadable-folder': 'needs a folder the system refuses (tests may run as root): test/unit/hostile/read-errors.test.ts',
  'read/too-many-files': 'needs 100,000 files: test/unit/hostile/read.test.ts (with a lower limit)',
  'read/text-too-large': 'needs a 2 MB file: test/unit/hostile/read.test.ts (sparse files)',
  'read/image-too-large': 'needs a 25 MB file: test/unit/hostile/read.test.ts (sparse files)',
}

let builtins: Builtins
beforeAll(async () => {
  builtins = await readBuiltins()
})

/** One run of the compiler on a case, as the CLI does it: errors throw, warnings come back. */
async function diagnose(caseDir: string): Promise<{ failed: boolean; diagnostics: Diagnostic[] }> {
  const tree = await readTree(join(caseDir, 'content'))
  tree.root = 'content' // what the author typed: `parcours build content`
  // French typography is `parcours check`'s (not build's): the typography cases add its findings.
  const focus = (diagnostics: Diagnostic[]): Diagnostic[] =>
    caseDir.includes('typography')
      ? sortDiagnostics([
          ...diagnostics,
          ...(analyse(tree, { strings: builtins.strings }, ['scorm12']).course ? checkTypography(analyse(tree, { strings: builtins.strings }, ['scorm12']).course!, tree) : []),
        ])
      : diagnostics
  try {
    return { failed: false, diagnostics: focus(compile(tree, builtins ?? (await readBuiltins()), ['scorm12']).diagnostics) }
  } catch (e) {
    if (!(e instanceof CompileError)) throw e
    return { failed: true, diagnostics: focus(e.diagnostics) }
  }
}

function formatAll(diagnostics: readonly Diagnostic[], lang: Lang): string {
  return `${diagnostics.map((d) => formatDiagnostic(d, lang)).join('\n')}\n`
}

describe('diagnostics corpus', () => {
  it('has at least 26 failing cases, 5 of them with English goldens', () => {
    expect(CASES.filter((name) => !name.startsWith('warnings-')).length).toBeGreaterThanOrEqual(26)
    expect(CASES.filter((name) => existsSync(join(CORPUS, name, 'expected.en.txt'))).length).toBeGreaterThanOrEqual(5)
  })

  describe.each(CASES)('%s', (name) => {
    const dir = join(CORPUS, name)

    it('reports the same in a one-off build, whose analysis lets each module text go once parsed', async () => {
      const plain = analyse(await readTree(join(dir, 'content')), builtins, ['scorm12'])
      const cache = createAnalysisCache({ once: true })
      const tree = await readTree(join(dir, 'content'), { strings: builtins.strings, cache })
      const once = analyse(tree, builtins, ['scorm12'], cache)
      expect(once.diagnostics).toEqual(plain.diagnostics)
      expect(once.packages.map((p) => p.scos.map((s) => s.data))).toEqual(plain.packages.map((p) => p.scos.map((s) => s.data)))
      for (const module of once.course?.modules ?? []) expect(tree.files[module.file]?.text, module.file).toBeUndefined()
    })

    it('reports every diagnostic of the run, sorted, each with a position or a whole-file reason', async () => {
      const { failed, diagnostics } = await diagnose(dir)
      expect(failed).toBe(!name.startsWith('warnings-'))
      expect(diagnostics.length).toBeGreaterThan(0)
      expect(diagnostics).toEqual(sortDiagnostics(diagnostics))
      for (const d of diagnostics) {
        expect(d.file.startsWith('/'), `${d.code}: path relative to the course folder`).toBe(false)
        if (d.line !== undefined) expect(d.column, `${d.code}: a line comes with a column`).toBeGreaterThanOrEqual(1)
      }
    })

    it('is reported by `parcours check` too, which writes nothing (with its typography findings on every course)', async () => {
      const built = (await diagnose(dir)).diagnostics
      // The folder as the author typed it, as diagnose() names it (course/no-course-file quotes it).
      const typed = (d: Diagnostic): Diagnostic => (d.params?.dir === join(dir, 'content') ? { ...d, params: { ...d.params, dir: 'content' } } : d)
      const checked = (await check(join(dir, 'content'))).diagnostics.map(typed)
      expect(name.includes('typography') ? checked : checked.filter((d) => !d.code.startsWith('typography/'))).toEqual(built)
    })

    it('matches expected.fr.txt', async () => {
      const { diagnostics } = await diagnose(dir)
      await expect(formatAll(diagnostics, 'fr')).toMatchFileSnapshot(join(dir, 'expected.fr.txt'))
    })

    if (existsSync(join(dir, 'expected.en.txt'))) {
      it('matches expected.en.txt', async () => {
        const { diagnostics } = await diagnose(dir)
        await expect(formatAll(diagnostics, 'en')).toMatchFileSnapshot(join(dir, 'expected.en.txt'))
      })
    }
  })

  it('covers every diagnostic code a course can trigger', async () => {
    const seen = new Set<string>()
    for (const name of CASES) for (const d of (await diagnose(join(CORPUS, name))).diagnostics) seen.add(d.code)
    const codes = Object.keys(DIAGNOSTIC_TEXTS.fr.codes) as DiagnosticCode[]
    const missing = codes.filter((code) => !seen.has(code) && !(code in NOT_IN_CORPUS))
    expect(missing, 'add a case to test/fixtures/diagnostics/ for each of these codes').toEqual([])
  })
})

describe('diagnostic texts', () => {
  it('word every code in both languages, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const code of Object.keys(DIAGNOSTIC_TEXTS.fr.codes) as DiagnosticCode[]) {
      const [frMessage, frHint] = DIAGNOSTIC_TEXTS.fr.codes[code]
      const [enMessage, enHint] = DIAGNOSTIC_TEXTS.en.codes[code]
      expect(placeholders(enMessage + enHint), code).toEqual(placeholders(frMessage + frHint))
      expect(frHint.trim(), code).not.toBe('')
    }
  })

  it('formats a diagnostic as path:line:col: severity [code] message, then the hint', () => {
    const d: Diagnostic = { severity: 'error', code: 'question/no-correct-answer', file: '02-rgpd.md', line: 12, column: 3, params: { id: 'q1' } }
    expect(formatDiagnostic(d)).toBe(
      "02-rgpd.md:12:3: erreur [question/no-correct-answer] La question « q1 » n'a aucune bonne réponse.\n  conseil : cochez la ou les bonnes réponses avec « - [x] ».",
    )
    expect(formatDiagnostic(d, 'en')).toBe('02-rgpd.md:12:3: error [question/no-correct-answer] Question "q1" has no right answer.\n  hint: tick the right answer(s) with "- [x]".')
  })
})
