/**
 * Course-wide file rules:
 *   - a Markdown file in the folder that course.yml does not list is not in the package: a
 *     warning (README, LICENSE and CHANGELOG files and templates/ excepted);
 *   - an image no page shows (nor the logo) is a warning: it is probably a page's missing image;
 *   - internal links: `#page-id` (same module), `module.md` or `module.md#page-id` must name a
 *     page of the course, and are rewritten to the page's address in the package (`#p-<module>--<page>`,
 *     which the runtime turns into a page change); any other relative link would be broken in
 *     the package (only images are copied): an error.
 */
import { posix } from 'node:path'
import { error, warning, type Diagnostic } from '../diagnostics.js'
import { didYouMean } from '../did-you-mean.js'
import type { Course, Module, SourceTree } from '../types.js'

/** The images a course may show; the same extensions end a name in imageMentions. */
const IMAGE_EXTENSION = String.raw`\.(?:png|jpe?g|gif|svg|webp|avif)`
const IMAGE_FILE = new RegExp(`${IMAGE_EXTENSION}$`, 'i')
/** Notes for the trainer, not modules: README, LICENSE… and any upper-case name (BIEN-DEMARRER.md, LISEZMOI.md). */
const NOT_A_MODULE = /^(readme|license|licence|changelog|contributing)(\.[a-z]+)?\.md$|^[A-Z0-9_-]+(\.[a-z]{2})?\.md$/

/**
 * `mentionsOf(module)`: the module's imageMentions. `tree` gives the folder's files; a module's
 * text may be gone from it (AnalysisCache.once), its mentions are not.
 */
export function checkCourseFiles(course: Course, tree: SourceTree, moduleFiles: readonly string[], mentionsOf: (module: Module) => string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const listed = new Set(moduleFiles)
  const used = new Set(course.modules.flatMap((m) => m.assets.map((a) => a.from)))
  const mentioned = (name: string): boolean => course.modules.some((m) => mentionsOf(m).includes(`${name}\0`))
  if (course.config.theme.logo) used.add(course.config.theme.logo.src)
  for (const path of Object.keys(tree.files).sort()) {
    if (path.startsWith('templates/')) continue
    if (/\.md$/i.test(path) && !listed.has(path) && !NOT_A_MODULE.test(posix.basename(path)) && !/^(readme|license|licence|changelog|contributing)/i.test(posix.basename(path)))
      diagnostics.push(warning('course/unlisted-module', path, undefined, { file: path }))
    // An image a module names but that did not parse (a path with spaces…) has its own error: not also "unused".
    if (IMAGE_FILE.test(path) && !used.has(path) && !mentioned(posix.basename(path))) diagnostics.push(warning('asset/unused', path, undefined, { file: path }))
  }
  return diagnostics
}

/** Checks every module's internal links and points the valid ones at their page in the package. */
export function resolveInternalLinks(course: Course): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const byFile = new Map(course.modules.map((m) => [m.file, m]))
  for (const module of course.modules) {
    const rewrites = new Map<string, string>()
    for (const link of module.links ?? []) {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(link.href)) continue
      const [path = '', fragment] = splitHref(link.href)
      const target = path === '' ? module : moduleAt(byFile, posix.normalize(posix.join(posix.dirname(module.file), path)))
      const page = target && (fragment === undefined ? target.pages[0] : target.pages.find((p) => p.id === fragment))
      if (target && page) {
        rewrites.set(link.href, `#p-${target.id}--${page.id}`)
        continue
      }
      const ids = (target ?? module).pages.map((p) => p.id)
      const near = fragment !== undefined ? didYouMean(fragment, ids) : undefined
      diagnostics.push(error('link/broken', module.file, link, near ? { href: link.href, didYouMean: `#${near}` } : { href: link.href }))
    }
    if (rewrites.size) rewriteLinks(module, rewrites)
  }
  return diagnostics
}

function splitHref(href: string): [string, string | undefined] {
  const hash = href.indexOf('#')
  const decode = (s: string): string => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  }
  return hash < 0 ? [decode(href), undefined] : [decode(href.slice(0, hash)), decode(href.slice(hash + 1))]
}

/** An image extension, wherever it ends a name in a text. */
const IMAGE_NAME_END = new RegExp(IMAGE_EXTENSION, 'gi')

/**
 * The text before each image extension of `text` (up to 255 characters, the longest file name),
 * each followed by NUL: for an image file name, `text.includes(name)` is
 * `mentions.includes(name + '\0')` (a name holds no NUL), and the mentions are a few characters
 * where the text is thousands. Joined: a new string, which keeps no slice of the text alive.
 */
export function imageMentions(text: string): string {
  const parts: string[] = []
  for (const m of text.matchAll(IMAGE_NAME_END)) {
    const end = m.index + m[0].length
    parts.push(text.slice(Math.max(0, end - 255), end), '\0')
  }
  return parts.join('')
}

/** `02-rgpd.md`, or `02-rgpd` / `02-rgpd/` / `02-rgpd/index.md` for a module folder. */
function moduleAt(byFile: Map<string, Module>, path: string): Module | undefined {
  return byFile.get(path) ?? byFile.get(`${path.replace(/\/$/, '')}/index.md`)
}

/**
 * The HTML of a block as parsed, before any link was rewritten. Watch and preview hand back the
 * same module object while its text is unchanged, but what its links point at may have changed
 * (another module's id): links are rewritten from the parsed HTML every time, never from the last
 * rewrite.
 */
const parsedHtml = new WeakMap<object, string[]>()

function rewriteLinks(module: Module, rewrites: Map<string, string>): void {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  const apply = (html: string): string => {
    let out = html
    for (const [from, to] of rewrites) out = out.split(`href="${escape(from)}"`).join(`href="${to}"`)
    return out
  }
  for (const page of module.pages)
    for (const block of page.blocks) {
      if (block.kind === 'html') {
        const [html] = parsedHtml.get(block) ?? [block.html]
        parsedHtml.set(block, [html!])
        block.html = apply(html!)
      } else {
        const q = block.question
        const [stem, correct, wrong] = parsedHtml.get(q) ?? [q.stemHtml, q.feedbackCorrectHtml, q.feedbackWrongHtml]
        parsedHtml.set(q, [stem!, correct!, wrong!])
        q.stemHtml = apply(stem!)
        q.feedbackCorrectHtml = apply(correct!)
        q.feedbackWrongHtml = apply(wrong!)
      }
    }
}

/** The module links to a page of another file: its HTML depends on that module too (render caches skip it). */
export function linksElsewhere(module: Module): boolean {
  return (module.links ?? []).some((link) => !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(link.href) && splitHref(link.href)[0] !== '')
}
