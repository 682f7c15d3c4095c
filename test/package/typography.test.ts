/**
 * French typography in the built sample course: no text node of any page, no title or choice the
 * runtime shows (the SCO's data), no interface string needs a no-break space that is missing
 * (before « : ; ! ? », inside « guillemets »). Code, URLs and passages in another language are
 * exempt, as they are from the build's typesetting. An English course is left as written.
 */
import { describe, expect, it } from 'vitest'
import { typographyEdits } from '../../src/shared/french-typography.js'
import type { ScoData } from '../../src/shared/sco-data.js'
import { compileToZip, loadTree } from '../helpers/compile.js'
import { unzip } from '../helpers/package.js'

/** Text nodes of an HTML page, outside code, scripts, styles and elements in another language. */
function textNodes(html: string): string[] {
  const cleaned = html.replace(/<(script|style|code|pre|kbd|samp)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<(\w+)\b[^>]*\blang="(?!fr)[^"]*"[^>]*>[\s\S]*?<\/\1>/gi, ' ')
  return cleaned
    .split(/<[^>]*>/)
    .map((t) =>
      t
        .replace(/&nbsp;/g, '\u00a0')
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    )
    .filter((t) => t.trim() !== '')
}

const missing = (texts: string[]) => texts.flatMap((text) => typographyEdits(text).map((e) => `${e.mark} in « ${text.trim().slice(Math.max(0, e.index - 30), e.index + 10)} »`))

describe('French typography of the built sample course', () => {
  it('no text node, title, choice or interface string lacks a no-break space', async () => {
    const files = await unzip((await compileToZip(await loadTree(), 'scorm12')).zip)
    const html = files['index.html']!.toString('utf8')
    const nodes = textNodes(html)
    expect(nodes.length).toBeGreaterThan(500)
    expect(missing(nodes)).toEqual([])
    const data = JSON.parse(/<script type="application\/json" id="pc-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as ScoData
    const shown = [
      data.title,
      ...data.modules.map((m) => m.title),
      ...data.pages.map((p) => p.title),
      ...data.questions.flatMap((q) => [q.text, ...q.choices.map((c) => c.text), ...q.sources.map((c) => c.text)]),
      ...Object.values(data.strings),
    ]
    expect(missing(shown)).toEqual([])
    // The sample does need them: about 500 places, as the issue counted.
    const before = textNodes(html.replace(/[\u00a0\u202f]/g, ' '))
    expect(missing(before).length).toBeGreaterThan(300)
  })

  it('an English course is not touched', async () => {
    const tree = await loadTree(undefined, { 'course.yml': (text: string) => text.replace(/^language: fr$/m, 'language: en') })
    const html = (await unzip((await compileToZip(tree, 'scorm12')).zip))['index.html']!.toString('utf8')
    const body = html.replace(/<script[\s\S]*?<\/script>/g, '')
    // The French sample text, built as English: its own spaces, not a single no-break one added.
    expect(body).not.toMatch(/[\u00a0\u202f]/)
    expect(body).toContain('Pourquoi parler de « cadre de confiance » ?')
  })
})
