/**
 * Accessibility rules on a module's tokens (RGAA 4.1), beyond the hard errors of the parse stage
 * (missing alt text, empty header cells):
 *   - a link text must say where it leads (RGAA 6.1): « cliquez ici », « ici », « lien »… are not;
 *   - an image's alternative text is not its file name (RGAA 1.3: `![schema.png](schema.png)`,
 *     `![IMG_2034](…)`).
 * Theme contrasts are checked on course.yml (theme.ts); tables without a header row in
 * parse/plugins/table-headers.ts, with the empty header cells.
 */
import { warning } from '../diagnostics.js'
import { locateIn } from './locate.js'
import type { TokenRule } from './token-rules.js'

const VAGUE_LINK_TEXTS = new Set([
  'ici',
  'cliquez ici',
  'cliquer ici',
  'clique ici',
  'là',
  'lien',
  'ce lien',
  'le lien',
  'en savoir plus',
  'plus',
  'lire la suite',
  'la suite',
  'voir',
  'voir ici',
  'suite',
  'page',
  'cette page',
  'here',
  'click here',
  'link',
  'this link',
  'read more',
  'more',
  'learn more',
])

const FILE_NAME = /\.(png|jpe?g|gif|svg|webp|avif|bmp|tiff?)$/i
const CAMERA_NAME = /^(img|dsc|dscn|pxl|image|photo|capture|screenshot|capture d['’]écran|screen ?shot)[\s_-]*\d/i

export const accessibilityRules: TokenRule = ({ tokens, env, lines, maps }) => {
  // Plain loops: a callback per token was ≈ 4 % of a 200-module build's garbage (issue 14).
  for (let i = 0; i < tokens.length; i++) {
    const children = tokens[i]!.children
    if (!children) continue
    for (let k = 0; k < children.length; k++) {
      const child = children[k]!
      if (child.type === 'link_open') {
        let text = ''
        for (let j = k + 1; j < children.length && children[j]!.type !== 'link_close'; j++) text += children[j]!.content
        const words = text
          .toLowerCase()
          .replace(/[.,;:!?«»"'’()\s\u00a0\u202f]+/g, ' ')
          .trim()
        if (VAGUE_LINK_TEXTS.has(words)) env.diagnostics.push(warning('link/vague-text', env.file, locateIn(env, lines, maps[i], `[${text}]`), { text: text.trim() }))
      }
      if (child.type === 'image') {
        const alt = (child.children ?? [])
          .map((c) => c.content)
          .join('')
          .trim()
        const src = String((child.meta as { source?: string } | null)?.source ?? decodeSafe(String(child.attrGet('src') ?? '')))
        const base = src.split('/').pop() ?? ''
        const stem = base.replace(/\.[^.]*$/, '')
        if (alt && (FILE_NAME.test(alt) || alt === stem || CAMERA_NAME.test(alt)))
          env.diagnostics.push(warning('image/filename-alt', env.file, locateIn(env, lines, maps[i], `![${alt}`), { src, alt }))
      }
    }
  }
}

function decodeSafe(src: string): string {
  try {
    return decodeURI(src)
  } catch {
    return src
  }
}
