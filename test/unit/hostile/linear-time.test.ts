/**
 * Pathological lines parse in linear time. Three regular expressions of the parser were
 * quadratic (issue 13): 250,000 spaces in a heading or in a matching item, and 150,000 unclosed
 * `<!--`, each took about 30 s. A quadratic parse of the 1 MB lines below takes minutes; the
 * bound separates linear from quadratic, not fast from slow: it is far above what a linear parse takes
 * on a loaded 2-core machine (well under a second when idle; speed itself is measured by the bench),
 * and far below the minutes a quadratic parse takes, so the test cannot fail because CI is busy.
 */
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { parseFrontMatter } from '../../../src/compiler/parse/front-matter.js'
import { createMarkdown, stripComments } from '../../../src/compiler/parse/markdown.js'
import { parseModule } from '../../../src/compiler/parse/parse-module.js'
import langSpan from '../../../src/compiler/parse/plugins/lang-span.js'

const MB = 1_000_000
/** Linear parses of these lines take < 1 s idle; quadratic ones take minutes. */
const LINEAR_BOUND_MS = 20_000
const SPACES = ' '.repeat(MB)
const FRONT = '---\nid: m1\ntitle: M\nduration: 5\nobjectives:\n  - o\n---\n\n'
const md = createMarkdown()

function timed<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now()
  const result = run()
  return { ms: performance.now() - start, result }
}

function parse(body: string) {
  return timed(() => parseModule({ path: 'm1.md', text: FRONT + body }, { md, files: [], labels: {} }))
}

describe('1 MB pathological lines', { timeout: 120_000 }, () => {
  it('a heading of 1,000,000 spaces: linear time, the id still read', () => {
    const { ms, result } = parse(`## a${SPACES}b {#p1}\n\nT.\n`)
    expect(ms).toBeLessThan(LINEAR_BOUND_MS)
    expect(result.module?.pages.map((p) => p.id)).toEqual(['p1'])
  })

  it('a heading with an unclosed `{` then 1,000,000 spaces: linear time', () => {
    const { ms, result } = parse(`## a {${SPACES}x\n\nT.\n`)
    expect(ms).toBeLessThan(LINEAR_BOUND_MS)
    expect(result.module?.pages).toHaveLength(1)
  })

  it('a matching item of 1,000,000 spaces and no arrow: linear time, reported as a bad pair', () => {
    const { ms, result } = parse(`## P {#p}\n\n::: association q1\nRelier ?\n\n- a${SPACES}b\n- c -> d\n- e -> f\n\nCorrect : oui.\nIncorrect : non.\n:::\n`)
    expect(ms).toBeLessThan(LINEAR_BOUND_MS)
    expect(result.diagnostics.map((d) => d.code)).toContain('question/bad-pair')
  })

  it('the arrow of a pair still takes the spaces around it', () => {
    const { result } = parse('## P {#p}\n\n::: association q1\nRelier ?\n\n- a   ->   b\n- c → d\n\nCorrect : oui.\nIncorrect : non.\n:::\n')
    const block = result.module!.pages[0]!.blocks.find((b) => b.kind === 'question')
    expect(block?.kind === 'question' && block.question.sources.map((c) => c.text)).toEqual(['a', 'c'])
  })

  it('250,000 unclosed `<!--`: comments stripped in linear time; the module parses, with a warning', () => {
    const line = '<!--'.repeat(MB / 4)
    expect(timed(() => stripComments(line)).ms).toBeLessThan(LINEAR_BOUND_MS)
    const { ms, result } = parse(`## P {#p}\n\n${line}\n`)
    expect(ms).toBeLessThan(LINEAR_BOUND_MS)
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['module/unclosed-comment', 11, 1]])
  })

  it('1,000,000 `[` (language spans): each `[` no longer searches the rest of the line', () => {
    const line = '['.repeat(MB)
    const ours = timed(() => MarkdownIt('zero').use(langSpan).parse(line, {})).ms
    expect(ours).toBeLessThan(LINEAR_BOUND_MS)
  })

  it('front matter lines of 1,000,000 spaces (duplicate key, colon in a value): linear time each', () => {
    const duplicate = timed(() => parseFrontMatter(`---\nid: m1\ntitle: a${SPACES}b\ntitle: c\nduration: 5\nobjectives:\n  - o\n---\n`, 'm1.md'))
    expect(duplicate.ms).toBeLessThan(LINEAR_BOUND_MS)
    expect(duplicate.result.diagnostics.map((d) => [d.code, d.params?.key])).toEqual([['yaml/duplicate-key', 'title']])
    const colon = timed(() => parseFrontMatter(`---\nid: m1\nti${SPACES}tle : a : b\nduration: 5\nobjectives:\n  - o\n---\n`, 'm1.md'))
    expect(colon.ms).toBeLessThan(LINEAR_BOUND_MS)
  })
})
