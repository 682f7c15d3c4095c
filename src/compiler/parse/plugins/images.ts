/**
 * Images: alt text is required (RGAA 1.1), the file must exist in the course, and nothing is
 * loaded from outside the package. The src is rewritten to the image's path in the package.
 */
import type { MarkdownIt } from 'markdown-it'
import { error } from '../../diagnostics.js'
import { fileLine, linesOf, type ParseEnv } from '../env.js'

export default function images(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'pc_images', (state) => {
    const env = state.env as ParseEnv
    const lines = linesOf(env, state.src)
    let map: [number, number] | null = null
    // Made for a block when it has an image (most have none: a locator per block was ≈ 3 % of a build's garbage).
    let locate: (() => { line: number; column: number }) | undefined
    for (const block of state.tokens) {
      // A table cell's inline token has no map: its row's (tr_open) is the closest one, shared by the row's cells.
      if (block.map && block.map !== map) {
        map = block.map
        locate = undefined
      }
      if (block.type !== 'inline' || !block.children) continue
      for (const token of block.children) {
        if (token.type !== 'image') continue
        locate ??= imageLocator(env, lines, map)
        const at = locate()
        // markdown-it percent-encodes the src (`schéma.png` → `sch%C3%A9ma.png`): show it as written.
        const src = safeDecode(String(token.attrGet('src') ?? ''))
        const alt = token.children?.map((c) => c.content).join('') ?? token.content
        if (alt.trim() === '') env.diagnostics.push(error('image/missing-alt', env.file, at, { src }))
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
          env.diagnostics.push(error('image/remote', env.file, at, { src }))
          continue
        }
        const found = env.resolveAsset(src)
        if (!found) {
          const near = env.suggestAsset(src)
          env.diagnostics.push(error('image/not-found', env.file, at, near ? { src, didYouMean: near } : { src }))
          continue
        }
        const to = env.assets.find((a) => a.from === found)?.to ?? uniquePath(env.packagePath(found), env)
        if (!env.assets.some((a) => a.from === found)) env.assets.push({ from: found, to })
        // The author's path, for later rules (check/accessibility.ts) that name the image as written.
        token.meta = { ...(token.meta as object | null), source: src }
        token.attrSet('src', to)
      }
    }
  })
}

/**
 * Inline tokens have no positions: the n-th image of a block is taken to be the n-th `![` of the
 * block's source lines, so that a diagnostic points at the image even in a long paragraph.
 */
function imageLocator(env: ParseEnv, lines: readonly string[], map: [number, number] | null): () => { line: number; column: number } {
  const fallback = { line: map ? fileLine(env, map[0]) : env.bodyLine + 1, column: 1 }
  let line = map?.[0] ?? 0
  let column = 0
  return () => {
    if (!map) return fallback
    for (; line < map[1]; line++, column = 0) {
      const index = (lines[line] ?? '').indexOf('![', column)
      if (index >= 0) {
        column = index + 2
        return { line: fileLine(env, line), column: index + 1 }
      }
    }
    return fallback
  }
}

export function safeDecode(src: string): string {
  try {
    return decodeURI(src)
  } catch {
    return src
  }
}

/** Two source files whose ASCII package paths coincide (`é.png`, `e.png`) keep apart: `e-2.png`. */
function uniquePath(path: string, env: ParseEnv): string {
  let candidate = path
  for (let n = 2; env.assets.some((a) => a.to === candidate); n++) candidate = path.replace(/(\.[^./]*)?$/, `-${n}$1`)
  return candidate
}
