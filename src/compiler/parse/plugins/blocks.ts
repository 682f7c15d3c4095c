/**
 * `:::` blocks. One markdown-it-container rule accepts any `::: name …` line; this plugin then
 * sorts the blocks: callouts are rendered as `<aside>`, questions are folded into a single
 * `pc_question` token carrying a built Question (see question.ts), unknown names are reported.
 */
import type { MarkdownIt } from 'markdown-it'
import container from 'markdown-it-container'
import { didYouMean } from '../../did-you-mean.js'
import { error } from '../../diagnostics.js'
import { fileLine, linesOf, type ParseEnv } from '../env.js'
import { buildQuestion, QUESTION_KINDS } from './question.js'

export const CALLOUT_KINDS: Record<string, string> = {
  'a-retenir': 'a-retenir',
  'key-point': 'a-retenir',
  attention: 'attention',
  warning: 'attention',
  exemple: 'exemple',
  example: 'exemple',
}

const ALL_NAMES = [...Object.keys(CALLOUT_KINDS), ...Object.keys(QUESTION_KINDS)]

export function blockName(info: string): { name: string; rest: string } {
  const [name = '', ...rest] = info.trim().split(/\s+/)
  return { name: name.toLowerCase(), rest: rest.join(' ') }
}

export default function blocks(md: MarkdownIt): void {
  md.use(container, 'pc', { validate: (params: string) => params.trim().length > 0 })

  // A named region (RGAA 9.2, 12.6): the aside is labelled by its heading, so a screen reader
  // lists « À retenir », « Attention : Les arrêtés font foi »… among the landmarks and headings.
  // The heading is an h2, like the author's `###`: never a skipped level under the page's h1.
  // Its id comes from the block's line, so it is stable and unique in the SCO.
  md.renderer.rules.container_pc_open = (tokens, idx, _options, env) => {
    const token = tokens[idx]!
    const { name, rest } = blockName(token.info)
    const kind = CALLOUT_KINDS[name] ?? 'unknown'
    const penv = env as ParseEnv
    const label = md.utils.escapeHtml(penv.labels[`callout.${kind}`] ?? name)
    const title = rest ? `<span class="pc-callout-sep"> : </span>${md.utils.escapeHtml(rest)}` : ''
    const id = `c-${penv.idPrefix}-${(token.map?.[0] ?? idx) + 1}`
    return `<aside class="pc-callout pc-callout-${kind}" aria-labelledby="${id}"><h2 class="pc-callout-title" id="${id}"><strong>${label}</strong>${title}</h2>\n`
  }
  md.renderer.rules.container_pc_close = () => '</aside>\n'

  md.core.ruler.push('pc_blocks', (state) => {
    const env = state.env as ParseEnv
    const tokens = state.tokens
    const lines = linesOf(env, state.src)
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]!
      if (open.type !== 'container_pc_open') continue
      const close = matchingClose(tokens, i)
      const { name, rest } = blockName(open.info)
      const at = { line: fileLine(env, open.map?.[0] ?? 0), column: 1 }
      const end = open.map?.[1] ?? lines.length
      let inner = tokens.slice(i + 1, close)
      // A question never holds a page title: one inside it means its closing `:::` was forgotten and a
      // later block's `:::` closed it. Say so at the question's opening line, and read the question
      // up to that title only (else its mistake is reported far below, as a nested block).
      const swallowed = name in QUESTION_KINDS ? inner.findIndex((t) => t.type === 'heading_open' && (t.tag === 'h1' || t.tag === 'h2')) : -1
      if (swallowed >= 0) inner = inner.slice(0, swallowed)
      if (swallowed >= 0 || !/^\s*:{3,}\s*$/.test(lines[end] ?? '')) env.diagnostics.push(error('block/unclosed', env.file, at, { name }))
      if (name in QUESTION_KINDS) {
        // A page is cut around its questions: inside a list, quote or callout it would cut that element in two.
        if (open.level > 0) env.diagnostics.push(error('question/not-top-level', env.file, at))
        const question = buildQuestion(md, inner, { kind: name, args: rest, at, env, head: lines[open.map?.[0] ?? -1] ?? '' })
        const folded = new state.Token('pc_question', '', 0)
        folded.block = true
        folded.map = open.map
        folded.meta = question as unknown as Record<string, unknown>
        tokens.splice(i, close - i + 1, folded)
      } else if (!(name in CALLOUT_KINDS)) {
        const guess = didYouMean(name, ALL_NAMES)
        env.diagnostics.push(error('block/unknown', env.file, at, guess ? { name, didYouMean: guess } : { name }))
      }
    }
  })
}

/** Index of the container_pc_close that closes the block opened at `start`. */
function matchingClose(tokens: { type: string }[], start: number): number {
  let depth = 0
  for (let j = start; j < tokens.length; j++) {
    if (tokens[j]!.type === 'container_pc_open') depth++
    else if (tokens[j]!.type === 'container_pc_close' && --depth === 0) return j
  }
  return tokens.length - 1
}
