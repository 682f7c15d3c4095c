/**
 * One module file → ParsedModule: front matter, then pages split at `##` headings, each page a
 * list of HTML chunks and questions. Pure: the course's file list comes in, nothing is read.
 */
import type { MarkdownIt } from 'markdown-it'
import slugify from '@sindresorhus/slugify'
import { posix } from 'node:path'
import { didYouMean } from '../did-you-mean.js'
import { error, warning, type Diagnostic } from '../diagnostics.js'
import type { Module, Page, Question, SourceFile } from '../types.js'
import { ID_PATTERN, suggestedId } from './course-config.js'
import { fileLine, type ParseEnv } from './env.js'
import { parseFrontMatter } from './front-matter.js'
import { stripComments } from './markdown.js'
import { checkCharacters, withoutRepeats } from './text-safety.js'
import type { HeadingMeta } from './plugins/heading-attrs.js'

type Token = import('markdown-it').Token

const ASSESSMENT_CLASSES = ['evaluation', 'assessment']
const IMAGE_FILE = /\.(png|jpe?g|gif|svg|webp|avif)$/i

export interface ParseContext {
  md: MarkdownIt
  /** Every file path of the course folder. */
  files: readonly string[]
  labels: Record<string, string>
}

export function parseModule(source: SourceFile, ctx: ParseContext): { module?: Module; diagnostics: Diagnostic[] } {
  const characters = checkCharacters(source.text ?? '', source.path)
  const fm = parseFrontMatter(source.text ?? '', source.path)
  if (fm.body === undefined) return { diagnostics: [...characters, ...withoutRepeats(characters, fm.diagnostics)] }
  // With a broken front matter the body is still parsed, so that one run reports all its mistakes.
  const env = createEnv(source.path, fm.bodyLine, fm.data?.id ?? 'module', ctx)
  const comments = stripComments(fm.body)
  if (comments.unclosed !== undefined) {
    const before = fm.body.slice(0, comments.unclosed)
    const line = fm.bodyLine + before.split('\n').length
    env.diagnostics.push(warning('module/unclosed-comment', source.path, { line, column: comments.unclosed - before.lastIndexOf('\n') }))
  }
  const tokens = ctx.md.parse(comments.text, env)
  const pages = splitPages(tokens, env, ctx.md)
  if (pages.length === 0) env.diagnostics.push(error('module/empty', source.path, { line: firstTextLine(source.text ?? '', fm.bodyLine), column: 1 }))
  const diagnostics = [...characters, ...withoutRepeats(characters, fm.diagnostics), ...env.diagnostics]
  if (!fm.data) return { diagnostics }
  const module: Module = { ...fm.data, file: source.path, pages, assets: env.assets, links: env.links ?? [] }
  return { module, diagnostics }
}

/** The course's files as a set, made once per list: a set per module grew with modules × files. */
const fileSets = new WeakMap<readonly string[], ReadonlySet<string>>()
function fileSet(files: readonly string[]): ReadonlySet<string> {
  let set = fileSets.get(files)
  if (!set) fileSets.set(files, (set = new Set(files)))
  return set
}

function createEnv(file: string, bodyLine: number, moduleId: string, ctx: ParseContext): ParseEnv {
  const dir = posix.dirname(file)
  const known = fileSet(ctx.files)
  // `src` comes decoded from the images plugin (`schéma.png`, not `sch%C3%A9ma.png`).
  // NFC, as the read stage lists the files: `schéma.png` typed on macOS (NFD) is the same file.
  const resolve = (src: string): string => posix.normalize(posix.join(dir, src.split(/[?#]/)[0]!)).normalize('NFC')
  return {
    file,
    bodyLine,
    diagnostics: [],
    assets: [],
    labels: ctx.labels,
    idPrefix: moduleId,
    resolveAsset: (src) => {
      const path = resolve(src)
      return known.has(path) && !path.startsWith('../') ? path : undefined
    },
    suggestAsset: (src) => {
      const wanted = resolve(src)
      const images = ctx.files.filter((f) => posix.dirname(f) === posix.dirname(wanted) && IMAGE_FILE.test(f)).map((f) => posix.basename(f))
      const near = didYouMean(posix.basename(wanted), images)
      return near ? posix.relative(dir, posix.join(posix.dirname(wanted), near)) : undefined
    },
    packagePath: (courseFile) => {
      const relative = posix.relative(dir, courseFile)
      // `../commun/logo.png` must not become `media/<id>/../commun/logo.png`: no `..` in a zip entry.
      // Such shared images keep their course path under `media/_/` (`_` is never in a module id).
      return asciiPath(relative.startsWith('../') ? `media/_/${courseFile}` : `media/${moduleId}/${relative}`)
    },
  }
}

function splitPages(tokens: Token[], env: ParseEnv, md: MarkdownIt): Page[] {
  const pages: Page[] = []
  const lines = new Map<string, number>()
  let pending: Token[] = []
  let page: Page | undefined
  /** First block before the first `##`: reported once, and only if the module has pages at all. */
  let before: number | undefined
  const flush = (): void => {
    const html = md.renderer.render(pending, md.options, env)
    if (page && html.trim()) page.blocks.push({ kind: 'html', html })
    pending = []
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type === 'heading_open' && token.level === 0 && (token.tag === 'h1' || token.tag === 'h2')) {
      const inline = tokens[i + 1]!
      const at = { line: fileLine(env, token.map?.[0] ?? 0), column: 1 }
      if (token.tag === 'h1') {
        env.diagnostics.push(error('module/h1', env.file, at))
        i += 2
        continue
      }
      flush()
      page = startPage(token, inline, at, env, md, lines)
      pages.push(page)
      i += 2
      continue
    }
    if (!page) {
      if (!(token.type === 'paragraph_open' && !tokens[i + 1]?.content.trim())) before ??= fileLine(env, token.map?.[0] ?? 0)
      i = skipBlock(tokens, i)
      continue
    }
    if (token.type === 'pc_question') {
      flush()
      const question = token.meta as unknown as Question
      question.scored = page.assessment
      page.blocks.push({ kind: 'question', question })
    } else pending.push(token)
  }
  flush()
  if (before !== undefined && pages.length > 0) env.diagnostics.push(error('module/content-before-page', env.file, { line: before, column: 1 }))
  // An empty assessment page is check/assessment.ts's error, not this warning: one finding per mistake.
  for (const p of pages) if (p.blocks.length === 0 && !p.assessment) env.diagnostics.push(warning('page/empty', env.file, { line: p.source.line, column: 1 }, { id: p.id }))
  const assessments = pages.filter((p) => p.assessment)
  if (assessments.length > 1) {
    env.diagnostics.push(error('module/several-assessments', env.file, { line: assessments[1]!.source.line, column: 1 }, { pages: assessments.map((p) => p.id).join(', ') }))
  }
  return pages
}

function startPage(open: Token, inline: Token, at: { line: number; column: number }, env: ParseEnv, md: MarkdownIt, lines: Map<string, number>): Page {
  const meta = (open.meta ?? { classes: [] }) as unknown as HeadingMeta
  const attrsAt = meta.column ? { line: at.line, column: meta.column } : at
  const id = meta.id ?? slugify(inline.content, { decamelize: false }).slice(0, 64).replace(/-+$/, '')
  if (!ID_PATTERN.test(id)) env.diagnostics.push(error('page/invalid-id', env.file, attrsAt, { id, ...suggestedId(id) }))
  const previous = lines.get(id)
  if (previous !== undefined) env.diagnostics.push(error('page/duplicate-id', env.file, attrsAt, { id, other: previous }))
  lines.set(id, at.line)
  for (const name of meta.classes.filter((c) => !ASSESSMENT_CLASSES.includes(c))) {
    const guess = didYouMean(name, ASSESSMENT_CLASSES)
    env.diagnostics.push(error('page/unknown-class', env.file, attrsAt, guess ? { class: name, didYouMean: `.${guess}` } : { class: name }))
  }
  return {
    id,
    title: inline.content.trim(),
    titleHtml: md.renderer.renderInline(inline.children ?? [], md.options, env),
    assessment: meta.classes.some((c) => ASSESSMENT_CLASSES.includes(c)),
    blocks: [],
    source: { file: env.file, line: at.line },
  }
}

/** 1-based line of the first non-blank line from `from` (0-based), else the last line of the file. */
function firstTextLine(text: string, from: number): number {
  const lines = text.replace(/\n$/, '').split('\n')
  const index = lines.findIndex((line, i) => i >= from && line.trim() !== '')
  return index >= 0 ? index + 1 : lines.length
}

/** Index of the last token of the block that starts at `start`. */
function skipBlock(tokens: Token[], start: number): number {
  let depth = 0
  for (let j = start; j < tokens.length; j++) {
    depth += tokens[j]!.nesting
    if (depth <= 0) return j
  }
  return tokens.length - 1
}

/**
 * Package paths are kept to ASCII: zip tools and LMS file stores disagree on non-ASCII entry
 * names (CP437 vs UTF-8 flag), and a manifest href must then be percent-encoded. `schéma 1.png`
 * becomes `schema-1.png`, `cœur.png` `coeur.png` (slugify's transliteration, case kept); the
 * author's file name stays what the diagnostics show.
 */
export function asciiPath(path: string): string {
  return path
    .split('/')
    .map((part) => {
      const dot = part.lastIndexOf('.')
      const [name, ext] = dot > 0 ? [part.slice(0, dot), part.slice(dot)] : [part, '']
      const clean = slugify(name, { lowercase: false, decamelize: false, preserveCharacters: ['_', '.'] })
      return `${clean || 'fichier'}${ext.toLowerCase().replace(/[^a-z0-9.]/g, '')}`
    })
    .join('/')
}
