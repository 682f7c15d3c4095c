/**
 * Handlebars templates: parcours' own (templates/), each replaceable by a file of the same path in
 * the course's templates/ folder. Compiled once per build, with an isolated Handlebars instance.
 */
import { createHash } from 'node:crypto'
import Handlebars from 'handlebars'
import { fill } from '../../shared/fill.js'
import { error, warning, type Diagnostic } from '../diagnostics.js'
import type { SourceTree } from '../types.js'
import { xmlProblem } from './check-xml.js'

export type Render = (context: object) => string

export interface Templates {
  sco: Render
  /** The trainer's answer key (answer-key.ts), outside every package. */
  answerKey: Render
  manifest: { scorm12: Render; scorm2004: Render }
}

const ENTRIES = {
  sco: 'layouts/sco.html.hbs',
  answerKey: 'answer-key.html.hbs',
  scorm12: 'scorm12/imsmanifest.xml.hbs',
  scorm2004: 'scorm2004/imsmanifest.xml.hbs',
} as const

/**
 * The last compilation, by everything it depends on (template texts, the course's overrides, the
 * UI strings, the templates compiled ahead): watch and preview rebuild on every save, and compiling the templates (Handlebars'
 * precompile check, then compile) was half of a warm rebuild of the sample course.
 */
let last: { key: string; precompiled: Precompiled; result: { templates?: Templates; diagnostics: Diagnostic[] } } | undefined

/** Handlebars' options for every template, at build time (precompileTemplates) and at run time. */
const OPTIONS = { strict: false, preventIndent: true }

/** A template compiled ahead, with the SHA-256 of the text it was compiled from. */
export type Precompiled = Record<string, { sha256: string; spec: string }>

/**
 * parcours' own templates compiled when parcours is built (scripts/build-cli.js → lib/templates.json):
 * Handlebars' compiler was ≈ 40 ms of every build. Used only for a text whose hash matches.
 */
export function precompileTemplates(texts: Record<string, string>): Precompiled {
  const hbs = Handlebars.create()
  return Object.fromEntries(Object.entries(texts).map(([path, text]) => [path, { sha256: sha256(text), spec: hbs.precompile(text, OPTIONS) as string }]))
}

const NONE: Precompiled = {}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

export function compileTemplates(
  builtins: Record<string, string>,
  tree: SourceTree,
  strings: Record<string, string>,
  precompiled: Precompiled = NONE,
): { templates?: Templates; diagnostics: Diagnostic[] } {
  const overrides = Object.values(tree.files)
    .filter((f) => f.path.startsWith('templates/'))
    .map((f) => [f.path, f.text ?? null])
  const key = JSON.stringify([builtins, overrides, strings])
  if (last?.key !== key || last.precompiled !== precompiled) last = { key, precompiled, result: compileAll(builtins, tree, strings, precompiled) }
  return last.result
}

function compileAll(
  builtins: Record<string, string>,
  tree: SourceTree,
  strings: Record<string, string>,
  precompiled: Precompiled,
): { templates?: Templates; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const sources: Record<string, { text: string; file: string }> = {}
  for (const [path, text] of Object.entries(builtins)) sources[path] = { text, file: `templates/${path}` }
  for (const file of Object.values(tree.files)) {
    if (!file.path.startsWith('templates/') || !file.path.endsWith('.hbs')) continue
    const path = file.path.slice('templates/'.length)
    if (!(path in builtins)) diagnostics.push(error('template/unknown', file.path, undefined, { file: path, known: Object.keys(builtins).sort().join(', ') }))
    else sources[path] = { text: file.text ?? '', file: file.path }
  }
  for (const file of Object.values(tree.files)) {
    const path = file.path.slice('templates/'.length)
    if (file.path.startsWith('templates/') && path in builtins) diagnostics.push(...overrideProblems(path, file.text ?? '', file.path))
  }
  const hbs = Handlebars.create()
  registerHelpers(hbs, strings)
  // Handlebars writes in English on stderr for two things a course's template can hold: `{{log}}`
  // and a property refused by its prototype-access rules. Both are reported where they are written
  // (overrideProblems); the renders stay silent.
  hbs.log = () => undefined
  const compiled: Record<string, Render> = {}
  for (const [path, { text, file }] of Object.entries(sources)) {
    try {
      // Compiled now, once: Handlebars.compile is lazy (it would fail only at the first render) and
      // would compile the text a second time. The spec is Handlebars' own output for this text.
      const ahead = precompiled[path]
      const spec = ahead && ahead.sha256 === sha256(text) ? ahead.spec : (hbs.precompile(text, OPTIONS) as string)
      const template = hbs.template(new Function(`return ${spec}`)() as Parameters<typeof hbs.template>[0]) as Render
      if (path.startsWith('partials/')) hbs.registerPartial(path.slice('partials/'.length).replace(/\.hbs$/, ''), template)
      compiled[path] = template
    } catch (e) {
      diagnostics.push(templateError(e, file))
    }
  }
  if (diagnostics.length) return { diagnostics }
  return {
    templates: {
      sco: guard(compiled[ENTRIES.sco]!, sources[ENTRIES.sco]!.file, sources),
      answerKey: guard(compiled[ENTRIES.answerKey]!, sources[ENTRIES.answerKey]!.file, sources),
      manifest: {
        scorm12: wellFormed(guard(compiled[ENTRIES.scorm12]!, sources[ENTRIES.scorm12]!.file, sources), sources[ENTRIES.scorm12]!.file),
        scorm2004: wellFormed(guard(compiled[ENTRIES.scorm2004]!, sources[ENTRIES.scorm2004]!.file, sources), sources[ENTRIES.scorm2004]!.file),
      },
    },
    diagnostics,
  }
}

/** A template that fails while rendering (e.g. a missing partial) is the author's mistake, not a crash. */
export class TemplateRenderError extends Error {
  readonly diagnostic: Diagnostic
  constructor(diagnostic: Diagnostic, cause: unknown) {
    super(`template ${diagnostic.file} failed`, { cause })
    this.name = 'TemplateRenderError'
    this.diagnostic = diagnostic
  }
}

function guard(render: Render, file: string, sources: Record<string, { text: string; file: string }>): Render {
  return (context) => {
    try {
      return (render as (context: object, options: Handlebars.RuntimeOptions) => string)(context, SILENT_PROTO_ACCESS)
    } catch (e) {
      const diagnostic = templateError(e, file)
      const at = culprit(e, sources)
      throw new TemplateRenderError(at ? { ...diagnostic, ...at, params: { ...diagnostic.params, file: at.file } } : diagnostic, e)
    }
  }
}

/** The default prototype-access rules, stated: Handlebars then refuses the same properties without logging. */
const SILENT_PROTO_ACCESS: Handlebars.RuntimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }

/** Names every object inherits (`constructor`, `valueOf`…): Handlebars refuses to read them. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype))

/**
 * Since issue 12 the right answers and the "Correct:" feedback are sealed in the SCO's data: a
 * question template written before no longer receives them, and would render empty without a
 * word. The runtime also needs its hooks in the question's HTML to show verdicts and feedback.
 */
const REMOVED_FIELDS = new Set(['feedbackCorrectHtml', 'correct', 'right'])

/**
 * What the runtime needs in a replaced template, by template. A question without its hooks shows
 * no verdict or feedback; a layout or page without theirs (its data, its script, the pages it
 * shows) does not start the runtime: the package would show its pages and tell Moodle nothing. A
 * `{{{…}}}` hook is a field the template must output unescaped (escaped, the JSON would not parse),
 * found in its syntax tree (spacing may vary); the others are found in its text.
 */
const HOOKS: Record<string, { code: 'template/missing-hook' | 'template/missing-runtime-hook'; hooks: readonly string[] }> = {
  'partials/question.hbs': { code: 'template/missing-hook', hooks: ['data-question=', 'pc-verdict', 'pc-feedback-correct', 'pc-feedback-wrong'] },
  'layouts/sco.html.hbs': { code: 'template/missing-runtime-hook', hooks: ['pc-data', '{{{dataJson}}}', 'parcours.js'] },
  'partials/page.hbs': { code: 'template/missing-runtime-hook', hooks: ['pc-page', 'data-page='] },
}

function overrideProblems(path: string, text: string, file: string): Diagnostic[] {
  const problems: Diagnostic[] = []
  let ast: unknown
  try {
    ast = Handlebars.parse(text)
  } catch {
    return problems // a syntax error is reported by compileTemplates
  }
  const seen = new Set<string>()
  const unescaped = new Set<string>()
  const partials = new Set<string>()
  walk(ast, (node) => {
    // `{{#> fallback}}…{{/fallback}}` calls the partial too (its block would show only if the partial were missing).
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') partials.add(String((node.name as { original?: unknown }).original))
    if (node.type === 'MustacheStatement' && node.escaped === false) unescaped.add(String((node.path as { original?: unknown }).original))
    if (node.type !== 'PathExpression') return
    const parts = node.parts as string[]
    const start = (node.loc as { start: { line: number; column: number } }).start
    const at = { line: start.line, column: start.column + 1 }
    if (node.original === 'log') problems.push(warning('template/log', file, at, { file }))
    const inherited = parts.find((part) => INHERITED.has(part))
    if (inherited) problems.push(warning('template/prototype-property', file, at, { name: inherited, file }))
    const name = parts[0]
    if (!name || !REMOVED_FIELDS.has(name) || seen.has(name)) return
    seen.add(name)
    problems.push(error('template/removed-field', file, at, { name, file }))
  })
  const rule = HOOKS[path]
  const shown = (hook: string): string => hook.replace(/=$/, '')
  if (rule)
    for (const hook of rule.hooks) {
      const field = /^\{\{\{(\w+)\}\}\}$/.exec(hook)?.[1]
      if (field ? unescaped.has(field) : text.includes(hook)) continue
      problems.push(error(rule.code, file, undefined, { hook: shown(hook), file, builtin: `templates/${path}`, hooks: rule.hooks.map(shown).join(', ') }))
    }
  // Without it, a page sent as inert text (page.hbs, `inert`) is never built when parcours.js fails to load.
  if (path === 'layouts/sco.html.hbs' && !partials.has('fallback')) problems.push(warning('template/missing-fallback', file, undefined, { file }))
  return problems
}

function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit))
  if (!node || typeof node !== 'object') return
  const record = node as Record<string, unknown>
  if (typeof record.type === 'string') visit(record)
  for (const [key, value] of Object.entries(record)) if (key !== 'loc') walk(value, visit)
}

/**
 * Handlebars reports a missing partial or helper from the template being rendered (the layout),
 * without a position. The mistake is in the template that calls it, often a partial: find the
 * call in the sources and point at it.
 */
function culprit(e: unknown, sources: Record<string, { text: string; file: string }>): { file: string; line: number; column: number } | undefined {
  const message = e instanceof Error ? e.message : ''
  const partial = /The partial (\S+) could not be found/.exec(message)?.[1]
  const helper = /Missing helper: "([^"]+)"/.exec(message)?.[1]
  const name = partial ?? helper
  if (!name) return undefined
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const call = new RegExp(partial ? `\\{\\{~?>\\s*${escaped}(?![\\w-])` : `\\{\\{~?[#^]?\\s*${escaped}(?![\\w-])`)
  // parcours' own templates call only what exists: the call found is the course's.
  for (const { text, file } of Object.values(sources)) {
    const match = call.exec(text)
    if (!match) continue
    const before = text.slice(0, match.index)
    return { file, line: before.split('\n').length, column: match.index - before.lastIndexOf('\n') }
  }
  return undefined
}

/** A manifest that is not well-formed XML is reported against its template (an override, usually). */
function wellFormed(render: Render, file: string): Render {
  return (context) => {
    const xml = render(context)
    const problem = xmlProblem(xml)
    if (problem) throw new TemplateRenderError(error('template/invalid-xml', file, undefined, { ...problem, file }), problem)
    return xml
  }
}

function templateError(e: unknown, file: string): Diagnostic {
  const message = e instanceof Error ? e.message : String(e)
  // Handlebars puts what it expected on the last line of a parse error: keep it, drop the excerpt.
  const lines = message.split('\n')
  const reason = lines.length > 2 && /^Expecting/.test(lines[lines.length - 1]!) ? `${lines[0]} ${lines[lines.length - 1]}` : lines[0]!
  const line = Number(/Parse error on line (\d+)/.exec(message)?.[1] ?? (e as { lineNumber?: number }).lineNumber ?? 0)
  return error('template/error', file, line ? { line, column: ((e as { column?: number }).column ?? 0) + 1 } : undefined, { reason, file })
}

function registerHelpers(hbs: typeof Handlebars, strings: Record<string, string>): void {
  // {{t "key" name=value}}: UI strings live in src/i18n/ui.<lang>.json, never in templates.
  hbs.registerHelper('t', (key: string, options: Handlebars.HelperOptions) => {
    return fill(strings[key] ?? key, options.hash as Record<string, string | number>)
  })
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b)
  hbs.registerHelper('inert', inert)
}

/**
 * `{{#inert later}}…{{/inert}}`: a page that is not shown first goes to the browser as inert text.
 * With scripting on, a `<noscript>`'s content is raw text, never built into elements (HTML § 13.2.5
 * RAWTEXT: <https://html.spec.whatwg.org/multipage/parsing.html#parsing-html-fragments>): a
 * 2,400-page SCO was a 12 MB document parsed and built before the runtime could start (issue 14);
 * the runtime builds a page when it is first needed (src/runtime/lazy-page.ts). Without scripting
 * it is ordinary markup, every page readable. Content that would end the element early (a literal
 * `</noscript`, which markdown never writes but a course's template could) is sent as it is.
 */
export function inert(this: unknown, later: unknown, options: Handlebars.HelperOptions): string {
  const html = options.fn(this)
  return later && !/<\/noscript/i.test(html) ? `<noscript>${html}</noscript>` : html
}
