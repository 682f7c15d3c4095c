/** Positions for inline findings: markdown-it gives lines to blocks only, so the text is searched in its block's lines. */
import { fileLine, type ParseEnv } from '../parse/env.js'

export type Map = [number, number] | null | undefined

/** File position of the first `needle` in the block's lines (0-based body lines `map`), else of the block. */
export function locateIn(env: ParseEnv, lines: readonly string[], map: Map, needle: string): { line: number; column: number } {
  if (!map) return { line: env.bodyLine + 1, column: 1 }
  for (let line = map[0]; line < map[1]; line++) {
    const index = (lines[line] ?? '').indexOf(needle)
    if (index >= 0) return { line: fileLine(env, line), column: index + 1 }
  }
  return { line: fileLine(env, map[0]), column: 1 }
}

/** The `map` of each token's closest block (inline tokens of table cells have none: their row's is used). */
export function blockMaps<T extends { map: [number, number] | null }>(tokens: readonly T[]): Map[] {
  let current: Map = null
  return tokens.map((token) => (token.map ? (current = token.map) : current))
}
