/**
 * Pages after the first go to the browser as inert text (issue 14): the content of a `<noscript>`,
 * which a browser running scripts keeps as raw text (built by src/runtime/lazy-page.ts when first
 * needed) and a browser without scripts shows as markup. The browser side is tested in
 * test/e2e (journeys, print, without the runtime).
 */
import { describe, expect, it } from 'vitest'
import Handlebars from 'handlebars'
import { compile } from '../../../src/compiler/pipeline.js'
import { inert } from '../../../src/compiler/render/templates.js'
import { readBuiltins } from '../../../src/index.js'
import { CONTENT, loadTree } from '../../helpers/compile.js'

/** Each page section of the SCO's HTML: its opening tag and what is inside. */
function sections(html: string): { open: string; inner: string }[] {
  return [...html.matchAll(/(<section class="pc-page"[^>]*>)([\s\S]*?)<\/section>/g)].map((m) => ({ open: m[1]!, inner: m[2]! }))
}

async function indexHtml(patch: Record<string, string> = {}): Promise<string> {
  const tree = await loadTree(CONTENT, patch)
  const result = compile(tree, await readBuiltins(), ['scorm12'])
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return result.packages[0]!.files.find((f) => f.path === 'index.html')!.contents as string
}

describe('pages sent as inert text', () => {
  it('the first page is markup; every later one is the whole of its content in one <noscript>', async () => {
    const pages = sections(await indexHtml())
    expect(pages.length).toBeGreaterThan(20)
    const [first, ...later] = pages
    expect(first!.open).not.toContain('hidden')
    expect(first!.inner).not.toContain('noscript')
    expect(first!.inner).toMatch(/<h1 id="h-/)
    for (const page of later) {
      expect(page.open).toContain(' hidden')
      const inner = page.inner.trim()
      expect(inner.startsWith('<noscript>') && inner.endsWith('</noscript>')).toBe(true)
      // Nothing in it ends it early: the one closing tag is the last.
      expect(inner.toLowerCase().indexOf('</noscript')).toBe(inner.length - '</noscript>'.length)
      expect(inner).toMatch(/<h1 id="h-/)
    }
    // The assessment's block and questions go with their page.
    expect(later.some((p) => p.open.includes('data-assessment') && p.inner.includes('pc-assessment') && p.inner.includes('form class="pc-question'))).toBe(true)
  })

  it('a page whose content would end the <noscript> early (a course template) is sent as markup', async () => {
    const builtins = await readBuiltins()
    const page = builtins.templates['partials/page.hbs']!.replace('<h1 ', '<p class="marker">&lt;/noscript&gt; </NoScript></p>\n  <h1 ')
    const pages = sections(await indexHtml({ 'templates/partials/page.hbs': page }))
    expect(pages.length).toBeGreaterThan(20)
    for (const p of pages) {
      expect(p.inner).toContain('<p class="marker">')
      expect(p.inner.trim().startsWith('<noscript>')).toBe(false)
    }
  })

  it('{{#inert}} wraps only what comes later, and escapes nothing', () => {
    const hbs = Handlebars.create()
    hbs.registerHelper('inert', inert)
    const render = hbs.compile('{{#inert later}}<p>{{text}} &amp; {{{html}}}</p>{{/inert}}')
    expect(render({ later: true, text: '<b>', html: '<i>x</i>' })).toBe('<noscript><p>&lt;b&gt; &amp; <i>x</i></p></noscript>')
    expect(render({ later: false, text: 'a', html: '' })).toBe('<p>a &amp; </p>')
    expect(render({ later: true, text: '', html: '</noscript ><script>' })).toBe('<p> &amp; </noscript ><script></p>')
  })
})
