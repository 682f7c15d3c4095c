/**
 * Issue 12: the answer key must not travel in the learner's package. The package is unzipped and
 * every file searched, as a curious learner would (view source, the browser's search, the JSON
 * data, `?print=answers`), for what would give the right answers away; and the digests it keeps
 * instead must still judge the right answers right.
 */
import { describe, expect, it } from 'vitest'
import { judge } from '../../src/runtime/answers.js'
import { answerValue } from '../../src/shared/answer-seal.js'
import type { ScoData } from '../../src/shared/sco-data.js'
import type { Question } from '../../src/index.js'
import { compileToZip, loadTree } from '../helpers/compile.js'
import { unzip } from '../helpers/package.js'

const MODULE_MODE = { 'course.yml': (text: string) => `${text.trimEnd()}\nsco: module\n` }
const variants = [
  { name: 'scorm12', format: 'scorm12', patch: {} },
  { name: 'scorm2004', format: 'scorm2004', patch: {} },
  { name: 'scorm2004, one SCO per module', format: 'scorm2004', patch: MODULE_MODE },
] as const

const plain = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
const squeeze = (text: string): string => text.replace(/\s+/g, '')

describe.each(variants)('$name package', ({ format, patch }) => {
  async function built() {
    const { zip, result } = await compileToZip(await loadTree(undefined, patch), format)
    const files = await unzip(zip)
    const text = Object.fromEntries(
      Object.entries(files)
        .filter(([p]) => /\.(html|js|css|xml|json)$/.test(p))
        .map(([p, b]) => [p, b.toString('utf8')]),
    )
    const questions: Question[] = result.course.modules.flatMap((m) => m.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question] : []))))
    const pageText = squeeze(
      plain(result.course.modules.flatMap((m) => m.pages.flatMap((p) => p.blocks.map((b) => (b.kind === 'html' ? b.html : plain(b.question.stemHtml))))).join(' ')),
    )
    const data = Object.entries(text)
      .filter(([p]) => p.endsWith('index.html'))
      .map(([, html]) => JSON.parse(/<script type="application\/json" id="pc-data">([\s\S]*?)<\/script>/.exec(html)![1]!.replace(/\\u003c/g, '<')) as ScoData)
    return { files, text, questions, pageText, data, answerKey: result.answerKey }
  }

  it('holds no answer key file and no way to show one', async () => {
    const { files, text, answerKey } = await built()
    expect(answerKey?.name).toMatch(/-corrige\.html$/)
    expect(Object.keys(files).filter((p) => /corrig|answer|key/i.test(p))).toEqual([])
    for (const [path, content] of Object.entries(text)) {
      expect(content, path).not.toContain('print=answers')
      expect(content, path).not.toMatch(/\(bonne réponse\)|Corrigé|class="pc-key"|\.pc-key\s*\{|data-correct/)
    }
  })

  it('holds no right answer in plain text: data, page markup, feedback', async () => {
    const { text, questions, pageText, data } = await built()
    expect(questions.length).toBeGreaterThan(30)
    const all = Object.values(text).join('\n')
    const scos = data.flatMap((d) => d.questions)
    expect(scos.map((q) => q.id).sort()).toEqual(questions.map((q) => q.id).sort())
    for (const q of questions) {
      const sealed = scos.find((s) => s.id === q.id)!
      // The data has no list of right tokens: only the question's shape and hex digests.
      expect(Object.keys(sealed).sort(), q.id).toEqual(['check', 'choices', 'feedback', 'id', 'key', 'moduleId', 'pageId', 'points', 'rev', 'scored', 'sources', 'text', 'type'])
      const { check, feedback } = sealed
      expect(
        [check.whole, ...check.parts].every((d) => /^[0-9a-f]{12}$/.test(d)),
        q.id,
      ).toBe(true)
      expect(feedback === '' || /^[0-9a-f]{12}[A-Za-z0-9+/=]+$/.test(feedback), q.id).toBe(true)
      // The page marks right and wrong choices the same way (only token, id and text differ).
      const shapes = new Set(
        [...all.matchAll(new RegExp(`<div class="pc-choice">\\s*<input[^>]*name="q-${q.id}"[^>]*>[\\s\\S]*?</div>`, 'g'))].map((m) =>
          m[0].replace(/value="[^"]*"|id="[^"]*"|for="[^"]*"|<label[^>]*>[\s\S]*?<\/label>/g, ''),
        ),
      )
      if (q.type !== 'matching') expect(shapes.size, q.id).toBe(1)
      // The "Correct:" feedback often names the answer: not readable anywhere in the package,
      // unless the author also wrote the same words in the course's own text.
      const said = plain(q.feedbackCorrectHtml)
      if (said && !pageText.includes(squeeze(said).slice(0, 60))) expect(squeeze(all).includes(squeeze(said).slice(0, 60)), `${q.id}: "${said.slice(0, 60)}"`).toBe(false)
    }
  })

  it('still judges every right answer right, and a wrong one wrong, from the digests alone', async () => {
    const { questions, data } = await built()
    for (const q of data.flatMap((d) => d.questions)) {
      const model = questions.find((m) => m.id === q.id)!
      expect(judge(q, answerValue(q.type, model.correct)), q.id).toBe('correct')
      const wrong =
        q.type === 'matching' ? answerValue(q.type, [...model.correct.slice(1), model.correct[0]!]) : q.choices.map((c) => c.token).find((t) => !model.correct.includes(t))!
      expect(judge(q, wrong), q.id).not.toBe('correct')
    }
  })
})
