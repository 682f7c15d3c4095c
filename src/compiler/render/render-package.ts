/**
 * Course + SCOs + templates → the files of the package: one HTML page per SCO, the runtime, the
 * media, and imsmanifest.xml listing exactly those files. Pure: bytes of media come in the tree.
 */
import { answerValue, seal } from '../../shared/answer-seal.js'
import type { ScoData, ScormVersion } from '../../shared/sco-data.js'
import type { Builtins } from '../read/read-builtins.js'
import type { Sco } from '../transform/build-scos.js'
import type { Course, Module, Page, PlannedFile, Question, SourceTree } from '../types.js'
import { xmlSafeDeep } from '../parse/text-safety.js'
import { linksElsewhere } from '../check/course-files.js'
import type { Templates } from './templates.js'

const RUNTIME_FILES = ['parcours.css', 'parcours.js']

/**
 * `lazy`: each SCO's page is a function that renders it (and keeps nothing), for a build that
 * renders pages as the zip reaches them; otherwise pages are rendered now and kept for the next
 * render of the same course (watch, preview).
 */
export function renderPackage(course: Course, scos: Sco[], version: ScormVersion, templates: Templates, builtins: Builtins, tree: SourceTree, lazy = false): PlannedFile[] {
  const multi = scos.length > 1 || course.config.sco === 'module'
  const logo = course.config.theme.logo && { src: `media/${course.config.theme.logo.src}`, alt: course.config.theme.logo.alt }
  const files: PlannedFile[] = [
    { path: 'parcours.js', contents: builtins.runtime.js },
    { path: 'parcours.css', contents: builtins.runtime.css },
  ]
  if (logo) files.push({ path: logo.src, contents: bytesOf(tree, course.config.theme.logo!.src) })
  const scoEntries = scos.map((sco) => {
    const href = multi ? `${sco.id}/index.html` : 'index.html'
    const root = multi ? '../' : ''
    const page = lazy ? lazyScoPage(course, sco, root, logo, builtins.generatorVersion, templates) : scoPage(course, sco, root, logo, builtins.generatorVersion, templates)
    files.push({ path: href, contents: page })
    const media = sco.modules.flatMap((m) => m.assets)
    for (const asset of media) files.push({ path: asset.to, contents: bytesOf(tree, asset.from) })
    return { sco, href, files: [href, ...media.map((a) => a.to)].sort() }
  })
  const common = { resId: 'RES-parcours-commun', files: [...RUNTIME_FILES, ...(logo ? [logo.src] : [])].sort() }
  // Every string goes in through xmlSafe: no character XML forbids can reach the manifest.
  const manifest = templates.manifest[version](xmlSafeDeep(manifestContext(course, scoEntries, multi, common)))
  files.push({ path: 'imsmanifest.xml', contents: manifest })
  return dedupe(files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * Each SCO's last page, by templates: kept while its modules are the same objects (the analysis
 * cache hands back a module object unchanged while its text is) and everything else it is made of
 * is equal (config, data, place in the course). In watch and preview, a one-module edit of the
 * 200-module course then renders one SCO instead of 200; one entry per SCO id, so it stays bounded.
 */
const pages = new WeakMap<Templates, Map<string, { key: string; data: ScoData; modules: readonly Module[]; html: string }>>()

function scoPage(course: Course, sco: Sco, root: string, logo: { src: string; alt: string } | undefined, generatorVersion: string, templates: Templates): string {
  // A module that links into another file has its links rewritten from that file's ids: not kept.
  if (sco.modules.some(linksElsewhere)) return templates.sco(scoContext(course, sco, root, logo, generatorVersion))
  // The data object comes back the same while nothing it is made of changed (build-scos.ts).
  const key = JSON.stringify([root, logo, generatorVersion, course.config, sco.title, sco.modules.map((m) => course.modules.indexOf(m))])
  let bySco = pages.get(templates)
  if (!bySco) pages.set(templates, (bySco = new Map()))
  const hit = bySco.get(sco.id)
  if (hit && hit.key === key && hit.data === sco.data && hit.modules.length === sco.modules.length && hit.modules.every((m, i) => m === sco.modules[i])) return hit.html
  const html = templates.sco(scoContext(course, sco, root, logo, generatorVersion))
  bySco.set(sco.id, { key, data: sco.data, modules: sco.modules, html })
  return html
}

/**
 * A SCO's page as a function that renders it when the zip reaches it. Made out here, not inline in
 * renderPackage: a closure keeps its whole scope alive, and renderPackage's scope holds the source
 * tree (every module's text: 23 MB of a 1,000-module course, kept until the last page was zipped).
 */
function lazyScoPage(course: Course, sco: Sco, root: string, logo: { src: string; alt: string } | undefined, generatorVersion: string, templates: Templates): () => string {
  return () => templates.sco(scoContext(course, sco, root, logo, generatorVersion))
}

function bytesOf(tree: SourceTree, path: string): Uint8Array {
  const file = tree.files[path]
  return file?.bytes ?? new TextEncoder().encode(file?.text ?? '')
}

function dedupe(files: PlannedFile[]): PlannedFile[] {
  return [...new Map(files.map((f) => [f.path, f])).values()]
}

function scoContext(course: Course, sco: Sco, root: string, logo: { src: string; alt: string } | undefined, generatorVersion: string): object {
  const { config } = course
  return {
    lang: config.language,
    title: sco.title,
    courseTitle: config.title,
    generatorVersion,
    root,
    logo,
    themeCss: themeCss(config.theme.colors),
    moduleCount: course.modules.length,
    modules: sco.modules.map((module, m) => ({
      id: module.id,
      n: course.modules.indexOf(module) + 1,
      title: module.title,
      duration: module.duration,
      objectives: module.objectives,
      // Every page but the SCO's first is sent hidden, its content as inert text (templates.ts
      // `inert`): laid out, then built, as the document loaded, the 2,400 pages of one SCO took
      // 2.6 s, then 1.6 s, before the runtime could start (issue 14). Without JavaScript, the
      // layout's <noscript> style shows them all.
      pages: module.pages.map((page, i) => ({ ...pageContext(module, page, i === 0, root), n: i + 1, count: module.pages.length, later: m > 0 || i > 0 })),
    })),
    // The end page's static parts (templates/partials/end.hbs); the runtime fills in the results.
    end: { assessed: sco.data.questions.some((q) => q.scored), scoreKey: sco.data.policy.attemptScore === 'last' ? 'endScoreLast' : 'endScoreBest' },
    dataJson: scriptJson(withSealedFeedback(sco, root)),
  }
}

/**
 * The "Correct:" feedback goes into the SCO's data sealed with the right answer (it often names
 * it), never into the page: see src/shared/answer-seal.ts.
 */
function withSealedFeedback(sco: Sco, root: string): ScoData {
  const models = new Map<string, Question>()
  for (const m of sco.modules) for (const p of m.pages) for (const b of p.blocks) if (b.kind === 'question') models.set(b.question.id, b.question)
  const questions = sco.data.questions.map((q) => {
    const model = models.get(q.id)
    const html = model ? withRoot(model.feedbackCorrectHtml, root).trim() : ''
    return { ...q, feedback: model && html ? seal(html, q.check.salt, answerValue(model.type, model.correct)) : '' }
  })
  return { ...sco.data, questions }
}

function pageContext(module: Module, page: Page, first: boolean, root: string): object {
  return {
    domId: `${module.id}--${page.id}`,
    qualifiedId: `${module.id}/${page.id}`,
    titleHtml: page.titleHtml,
    assessment: page.assessment,
    first,
    blocks: page.blocks.map((block) => (block.kind === 'html' ? { html: withRoot(block.html, root) } : { question: questionContext(block.question, root) })),
  }
}

function questionContext(q: Question, root: string): object {
  const { legendHtml, stemExtraHtml } = splitStem(withRoot(q.stemHtml, root))
  // No right answer and no "Correct:" feedback in the page (sealed in the data instead).
  return {
    id: q.id,
    type: q.type,
    scored: q.scored,
    // A letter per answer (A, B… then 27, 28…): a matching's list of answers and its drop-downs share it.
    choices: q.choices.map((c, i) => ({ ...c, letter: i < 26 ? String.fromCharCode(65 + i) : String(i + 1) })),
    sources: q.sources,
    legendHtml,
    stemExtraHtml,
    ruleKey: answerRule(q),
    feedbackWrongHtml: withRoot(q.feedbackWrongHtml, root),
  }
}

/**
 * The answering rule a learner cannot guess from the controls, said in the legend (RGAA 11.10):
 * several boxes may be ticked; in a matching, whether an answer serves once or may serve again.
 */
function answerRule(q: Question): string | undefined {
  if (q.type === 'multiple') return 'ruleMultiple'
  if (q.type !== 'matching') return undefined
  const once = q.choices.length === q.sources.length && new Set(q.correct).size === q.correct.length
  return once ? 'ruleMatchingOnce' : 'ruleMatchingReuse'
}

/**
 * A `<legend>` may only hold phrasing content: the stem's leading paragraphs become spans in the
 * legend (so screen readers announce the question with its choices), anything else follows it.
 */
export function splitStem(html: string): { legendHtml: string; stemExtraHtml: string } {
  let rest = html.trim()
  const spans: string[] = []
  let match: RegExpExecArray | null
  while ((match = /^<p>([\s\S]*?)<\/p>\s*/.exec(rest))) {
    spans.push(`<span class="pc-p">${match[1]}</span>`)
    rest = rest.slice(match[0].length)
  }
  return { legendHtml: spans.join(''), stemExtraHtml: rest }
}

/** Media paths are written from the package root; a page one folder down needs `../`. */
function withRoot(html: string, root: string): string {
  return root ? html.replace(/(<img [^>]*src=")(media\/)/g, `$1${root}$2`) : html
}

function themeCss(colors: Record<string, string>): string {
  const entries = Object.entries(colors).sort(([a], [b]) => a.localeCompare(b))
  return entries.length ? `:root{${entries.map(([k, v]) => `--pc-${k}:${v}`).join(';')}}` : ''
}

/** JSON inside `<script>`: `<` escaped so that no text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

function manifestContext(course: Course, entries: { sco: Sco; href: string; files: string[] }[], multi: boolean, common: { resId: string; files: string[] }): object {
  const { config } = course
  return {
    manifestId: `parcours-${config.id}`,
    version: config.version,
    title: config.title,
    orgId: `ORG-${config.id}`,
    rootItemId: `ROOT-${config.id}`,
    multi,
    common,
    scos: entries.map(({ sco, href, files }, i) => {
      const hasMastery = sco.data.questions.some((q) => q.scored)
      const previous = entries[i - 1]
      return {
        itemId: `ITEM-${sco.id}`,
        resId: `RES-${sco.id}`,
        title: sco.title,
        href,
        files,
        hasMastery,
        // adlcp:masteryscore (1.2, 0–100) and minNormalizedMeasure (2004, 0–1): the same pass mark.
        masteryScore: sco.data.policy.passingScore,
        scaledPassingScore: (sco.data.policy.passingScore / 100).toFixed(4).replace(/\.?0+$/, '') || '0',
        primaryObjective: `PRIMARY-${sco.id}`,
        // One SCO per module (2004): module N is enabled once module N−1 is completed. The SCO sets its
        // DONE- objective completed; adlseq:mapInfo shares that completion status as a global objective.
        completionLocal: multi && i < entries.length - 1 ? `DONE-${sco.id}` : undefined,
        completionGlobal: multi && i < entries.length - 1 ? `urn:parcours:${config.id}:${sco.id}:done` : undefined,
        previousLocal: previous ? `PREV-${previous.sco.id}` : undefined,
        previousGlobal: multi && previous ? `urn:parcours:${config.id}:${previous.sco.id}:done` : undefined,
        hasGlobals: multi && entries.length > 1,
      }
    }),
  }
}
