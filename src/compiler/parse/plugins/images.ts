/**
 * Images: alt text is required (RGAA 1.1), the file must exist in the course, and nothing is
 * loaded from outside the package. The src is rewritten to the image's path in the package.
 */
import type { MarkdownIt } from 'markdown-it'
import { error } from '../../diagnostics.js'
import { fileLine, type ParseEnv } from '../env.js'

export default function images(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'pc_images', (state) => {
    const env = state.env as ParseEnv
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue
      const at = { line: block.map ? fileLine(env, block.map[0]) : env.bodyLine + 1, column: 1 }
      for (const token of block.children) {
        if (token.type !== 'image') continue
        const src = String(token.attrGet('src') ?? '')
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
        const to = env.packagePath(found)
        if (!env.assets.some((a) => a.from === found)) env.assets.push({ from: found, to })
        token.attrSet('src', to)
      }
    }
  })
}
