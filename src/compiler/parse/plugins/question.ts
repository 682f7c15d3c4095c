/**
 * Builds a Question from the tokens inside a `::: qcu|qcm|vrai-faux|association id` block.
 *
 *   stem paragraphs…            → stemHtml
 *   - [x] / - [ ] choice        → choices (qcu, qcm, vrai-faux)
 *   - source -> target          → sources + choices (association)
 *   Correct : … / Incorrect : … → feedback (any later paragraph belongs to the last one)
 */
import type { MarkdownIt } from 'markdown-it'
import type { QuestionType } from '../../../shared/sco-data.js'
import { error, warning } from '../../diagnostics.js'
import type { Choice, Question } from '../../types.js'
import { ID_PATTERN, suggestedId } from '../course-config.js'
import { fileLine, type ParseEnv } from '../env.js'
import { plainText, splitChildren, topLevelBlocks } from './tokens.js'

type Token = import('markdown-it').Token

export const QUESTION_KINDS: Record<string, QuestionType> = {
  qcu: 'single',
  single: 'single',
  qcm: 'multiple',
  multiple: 'multiple',
  'vrai-faux': 'truefalse',
  'true-false': 'truefalse',
  association: 'matching',
  matching: 'matching',
}

/** 1.2 choice responses are single characters 0-9a-z (SCORM 1.2 RTE §3.4.2, cmi.interactions.n.student_response). */
const CHOICE_TOKENS = 'abcdefghijklmnopqrstuvwxyz0123456789'
const SOURCE_TOKENS = '123456789abcdefghijklmnopqrstuvwxyz'
const BOX = /^\[( |x|X)\]\s+/
// No `\s*` around the arrow: on an item of 250,000 spaces it made the search quadratic; splitChildren trims.
const PAIR = /->|→/
const FEEDBACK = /^(correct|incorrect)\s*:\s*/i

interface Context {
  kind: string
  args: string
  at: { line: number; column: number }
  env: ParseEnv
  /** The `::: kind id …` line as written, to point at a bad id or option. */
  head?: string
}

interface Item {
  children: Token[]
  line: number
}

export function buildQuestion(md: MarkdownIt, inner: Token[], ctx: Context): Question {
  const { env, at } = ctx
  const type = QUESTION_KINDS[ctx.kind]!
  const { id, points } = readArgs(ctx)
  const stem: Token[] = []
  const feedback = { correct: [] as Token[], incorrect: [] as Token[] }
  let items: Item[] | undefined
  let current: 'correct' | 'incorrect' | 'both' | undefined
  let nested = false
  for (const block of topLevelBlocks(inner).flatMap(splitFeedbackLines)) {
    const first = block[0]!
    if (first.type === 'container_pc_open') {
      env.diagnostics.push(error('question/nested', env.file, lineOf(env, first, at), { id }))
      nested = true
    } else if (first.type === 'bullet_list_open' && !items && !current) {
      items = listItems(block, env)
    } else if (first.type === 'paragraph_open' && FEEDBACK.test(block[1]!.content)) {
      current = block[1]!.content.match(FEEDBACK)![1]!.toLowerCase() as 'correct' | 'incorrect'
      stripPrefix(block[1]!, FEEDBACK)
      feedback[current].push(...block)
    } else if (current === 'correct' || current === 'incorrect') {
      feedback[current].push(...block)
    } else if (items) {
      // Text after the answers without a marker: an explanation, shown whatever the answer.
      feedback.correct.push(...block)
      feedback.incorrect.push(...block)
    } else {
      stem.push(...block)
    }
  }

  const render = (tokens: Token[]): string => md.renderer.render(tokens, md.options, env)
  const stemHtml = render(stem)
  const question: Question = {
    id,
    type,
    points,
    scored: false,
    stemHtml,
    text: plainText(stemHtml, 250),
    choices: [],
    sources: [],
    correct: [],
    feedbackCorrectHtml: render(feedback.correct),
    feedbackWrongHtml: render(feedback.incorrect),
    source: { file: env.file, line: at.line },
  }
  if (stem.length === 0) env.diagnostics.push(error('question/no-stem', env.file, at, { id }))
  if (!items) {
    // A nested block's closing `:::` also closes the question: its answers then fall outside of it.
    if (!nested) env.diagnostics.push(error('question/no-choices', env.file, at, { id }))
    return question
  }
  if (type === 'matching') fillMatching(md, question, items, env)
  else fillChoices(md, question, items, env)
  for (const [kind, tokens] of [
    ['Correct', feedback.correct],
    ['Incorrect', feedback.incorrect],
  ] as const) {
    if (tokens.length === 0) env.diagnostics.push(warning('question/missing-feedback', env.file, at, { id, kind }))
  }
  return question
}

function readArgs(ctx: Context): { id: string; points: number } {
  const { env, at } = ctx
  const head = ctx.head ?? ''
  let from = head.toLowerCase().indexOf(ctx.kind) + ctx.kind.length
  const atWord = (word: string): { line: number; column: number } => {
    const index = from > 0 ? head.indexOf(word, from) : -1
    if (index < 0) return at
    from = index + word.length
    return { line: at.line, column: index + 1 }
  }
  // `points = 2` is one option written with spaces: read it as such (one mistake, one message at most).
  const words = ctx.args
    .replace(/\b(points)(\s*=\s*)/gi, (whole, name: string, eq: string) => (eq === '=' ? whole : `${name}\u0000=`))
    .split(/\s+/)
    .filter(Boolean)
  const id = words[0] && !words[0].includes('=') ? words.shift()! : ''
  const idAt = id ? atWord(id) : at
  let points = 1
  for (const word of words) {
    const wordAt = atWord(word.split(/\u0000|=/)[0]!)
    const match = /^points=(\d{1,3})$/.exec(word)
    if (match && Number(match[1]) >= 1 && Number(match[1]) <= 100) points = Number(match[1])
    else if (word.includes('\u0000')) {
      // `points = 2`: one option written with spaces, one error that shows the right spelling.
      const written = head.slice(wordAt.column - 1).match(/^points\s*=\s*\S*/i)?.[0] ?? word.replace('\u0000', ' ')
      const value = word.split('=')[1] ?? ''
      env.diagnostics.push(error('question/invalid-option', env.file, wordAt, { option: written, ...(value && { didYouMean: `points=${value}` }) }))
    } else env.diagnostics.push(error('question/invalid-option', env.file, wordAt, { option: word }))
  }
  if (!id) env.diagnostics.push(error('question/missing-id', env.file, at, { type: ctx.kind }))
  else if (!ID_PATTERN.test(id)) env.diagnostics.push(error('question/invalid-id', env.file, idAt, { id, ...suggestedId(id) }))
  return { id, points }
}

function fillChoices(md: MarkdownIt, q: Question, items: Item[], env: ParseEnv): void {
  const at = (item: Item) => ({ line: item.line, column: 1 })
  const parsed = items.map((item) => {
    const text = item.children[0]?.type === 'text' ? item.children[0].content : ''
    const box = BOX.exec(text)
    if (!box) env.diagnostics.push(error('question/choice-without-box', env.file, at(item), { id: q.id }))
    else stripPrefixChildren(item.children, BOX)
    const html = md.renderer.renderInline(item.children, md.options, env)
    return { item, checked: box?.[1]?.toLowerCase() === 'x', html, text: plainText(html, 250) }
  })
  if (parsed.length > CHOICE_TOKENS.length) env.diagnostics.push(error('question/too-many-choices', env.file, at(items[0]!), { id: q.id, count: parsed.length }))
  reportDuplicates(
    parsed.map((p) => ({ text: p.text, at: at(p.item) })),
    q.id,
    env,
  )
  if (q.type === 'truefalse') {
    const trueIndex = parsed.findIndex((p) => /^(vrai|true)$/i.test(p.text))
    const falseIndex = parsed.findIndex((p) => /^(faux|false)$/i.test(p.text))
    if (parsed.length !== 2 || trueIndex < 0 || falseIndex < 0) {
      env.diagnostics.push(error('question/true-false-choices', env.file, at(items[0]!), { id: q.id }))
      return
    }
    // true-false tokens are t/f in both SCORM versions' vocabularies.
    q.choices = parsed.map((p, i) => ({ token: i === trueIndex ? 't' : 'f', html: p.html, text: p.text }))
  } else {
    q.choices = parsed.slice(0, CHOICE_TOKENS.length).map((p, i) => ({ token: CHOICE_TOKENS[i]!, html: p.html, text: p.text }))
  }
  q.correct = q.choices
    .filter((_, i) => parsed[i]!.checked)
    .map((c) => c.token)
    .sort()
  const count = q.correct.length
  const checked = parsed.filter((p) => p.checked)
  if (count === 0) env.diagnostics.push(error('question/no-correct-answer', env.file, at(items[0]!), { id: q.id }))
  // Points at the second [x]: the first one may well be the right answer.
  else if (count > 1 && q.type !== 'multiple')
    env.diagnostics.push(error('question/several-correct-answers', env.file, at(checked[1]!.item), { id: q.id, type: q.type === 'single' ? 'qcu' : 'vrai-faux', count }))
}

function fillMatching(md: MarkdownIt, q: Question, items: Item[], env: ParseEnv): void {
  const pairs: { source: Choice; target: Choice; at: { line: number; column: number } }[] = []
  for (const item of items) {
    const halves = splitChildren(item.children, PAIR)
    if (!halves) {
      env.diagnostics.push(error('question/bad-pair', env.file, { line: item.line, column: 1 }, { id: q.id }))
      continue
    }
    const [left, right] = halves.map((children) => md.renderer.renderInline(children, md.options, env)) as [string, string]
    pairs.push({
      source: { token: '', html: left, text: plainText(left, 250) },
      target: { token: '', html: right, text: plainText(right, 250) },
      at: { line: item.line, column: 1 },
    })
  }
  const first = { line: items[0]!.line, column: 1 }
  if (pairs.length < 2) env.diagnostics.push(error('question/too-few-pairs', env.file, first, { id: q.id }))
  if (pairs.length > SOURCE_TOKENS.length) env.diagnostics.push(error('question/too-many-choices', env.file, first, { id: q.id, count: pairs.length }))
  reportDuplicates(
    pairs.map((p) => ({ text: p.source.text, at: p.at })),
    q.id,
    env,
  )
  reportDuplicates(
    pairs.map((p) => ({ text: p.target.text, at: p.at })),
    q.id,
    env,
  )
  q.sources = pairs.slice(0, SOURCE_TOKENS.length).map((p, i) => ({ ...p.source, token: SOURCE_TOKENS[i]! }))
  // Targets are listed in alphabetical order, not the author's: the author's order gives the answer away.
  const targets = pairs.map((p) => p.target).sort((a, b) => a.text.localeCompare(b.text, 'fr'))
  q.choices = targets.slice(0, CHOICE_TOKENS.length).map((t, i) => ({ ...t, token: CHOICE_TOKENS[i]! }))
  q.correct = q.sources.map((_, i) => q.choices.find((c) => c.text === pairs[i]!.target.text)?.token ?? '')
}

/** Reported at the second occurrence: that is the line to change. */
function reportDuplicates(texts: { text: string; at: { line: number; column: number } }[], id: string, env: ParseEnv): void {
  const seen = new Set<string>()
  for (const { text, at } of texts) {
    const key = text.toLowerCase()
    if (seen.has(key)) env.diagnostics.push(error('question/duplicate-choice', env.file, at, { id, text }))
    seen.add(key)
  }
}

/**
 * `Correct : …` and `Incorrect : …` on consecutive lines form one Markdown paragraph; authors
 * mean two feedbacks, so the paragraph is cut at each line that starts with a marker.
 */
function splitFeedbackLines(block: Token[]): Token[][] {
  const [open, inline, close] = block
  if (block.length !== 3 || open!.type !== 'paragraph_open' || !inline!.children) return [block]
  const children = inline!.children
  const cuts = children.flatMap((t, i) => (t.type === 'softbreak' && children[i + 1]?.type === 'text' && FEEDBACK.test(children[i + 1]!.content) ? [i] : []))
  if (cuts.length === 0) return [block]
  const parts: Token[][] = []
  let start = 0
  for (const cut of [...cuts, children.length]) {
    const part = children.slice(start, cut)
    const piece = Object.assign(Object.create(Object.getPrototypeOf(inline)), inline, {
      children: part,
      content: part.map((t) => (t.type === 'softbreak' ? '\n' : t.content)).join(''),
    }) as Token
    if (part.length) parts.push([open!, piece, close!])
    start = cut + 1
  }
  return parts
}

function listItems(list: Token[], env: ParseEnv): Item[] {
  const items: Item[] = []
  let depth = 0
  for (const token of list) {
    if (token.type === 'list_item_open' && depth === 1) items.push({ children: [], line: fileLine(env, token.map?.[0] ?? 0) })
    else if (token.type === 'inline' && depth === 3 && items.length && items[items.length - 1]!.children.length === 0) {
      items[items.length - 1]!.children = (token.children ?? []).map((c) => c)
    }
    depth += token.nesting
  }
  return items
}

/**
 * Removes the `Correct :` marker. The feedback then starts the block, so its first letter is
 * capitalised: `Correct : c'est le RGPD` is shown as « C'est le RGPD ».
 */
function stripPrefix(inline: Token, pattern: RegExp): void {
  inline.content = capitalise(inline.content.replace(pattern, ''))
  const first = inline.children?.[0]
  if (inline.children) stripPrefixChildren(inline.children, pattern)
  if (first?.type === 'text') first.content = capitalise(first.content)
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1)
}

function stripPrefixChildren(children: Token[], pattern: RegExp): void {
  const first = children[0]
  if (first?.type === 'text') first.content = first.content.replace(pattern, '')
}

function lineOf(env: ParseEnv, token: Token, fallback: { line: number; column: number }): { line: number; column: number } {
  return token.map ? { line: fileLine(env, token.map[0]), column: 1 } : fallback
}
