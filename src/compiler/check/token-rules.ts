/**
 * The rules of `parcours check` that need a module's Markdown tokens run inside the parse, as one
 * markdown-it core rule: `build` and `check` report the same findings, and nothing is parsed twice.
 * Each family is its own module (structure, accessibility, pedagogy); course-wide rules (files,
 * assessment, typography, theme) run on the course model in check/index.ts.
 */
import type { MarkdownIt } from 'markdown-it'
import { linesOf, type ParseEnv } from '../parse/env.js'
import { accessibilityRules } from './accessibility.js'
import { blockMaps, type Map as BlockMap } from './locate.js'
import { pedagogyRules } from './pedagogy.js'
import { collectLinks, structureRules } from './structure.js'

type Token = import('markdown-it').Token

/** `maps[i]`: the lines of token i's closest block (blockMaps), computed once for every rule. */
export type TokenRule = (input: { tokens: Token[]; env: ParseEnv; lines: readonly string[]; maps: readonly BlockMap[] }) => void

const RULES: readonly TokenRule[] = [structureRules, accessibilityRules, pedagogyRules]

export default function checkRules(md: MarkdownIt): void {
  md.core.ruler.push('pc_check', (state) => {
    const env = state.env as ParseEnv
    const input = { tokens: state.tokens, env, lines: linesOf(env, state.src), maps: blockMaps(state.tokens) }
    for (const rule of RULES) rule(input)
    env.links = collectLinks(input)
  })
}
