/**
 * I/O in: a course folder → SourceTree, read lazily. Every file is listed by name, but only these
 * are read, each checked against a size limit before a byte is loaded:
 *
 *   course.yml, the modules it lists, the templates of templates/   text, UTF-8, ≤ TEXT_LIMIT
 *   the logo and the images the modules show                      bytes, ≤ IMAGE_LIMIT
 *
 * An unrelated 2 GB video or 20,000 stray files in the folder cost nothing. A file that cannot be
 * read, is too large or is not UTF-8 is a diagnostic with its path (SourceTree.problems), never a
 * crash: the pipeline reports it with the course's other mistakes.
 */
import { open, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Lang } from '../../shared/sco-data.js'
import { error, warning, type Diagnostic } from '../diagnostics.js'
import { LOGO_FILE, resolveModuleFile } from '../parse/course-files.js'
import { parseCourseConfig } from '../parse/course-config.js'
import { COURSE_FILE, parseModules, type AnalysisCache } from '../pipeline.js'
import type { SourceFile, SourceTree } from '../types.js'
import { svgProblem } from './check-svg.js'
import { decodeText } from './decode-text.js'
import { listFiles, MAX_ENTRIES, reasonOf } from './list-files.js'

/** course.yml, a module, a template (stated in the README). */
export const TEXT_LIMIT = 2 * 1024 * 1024
/** An image or the logo (stated in the README). */
export const IMAGE_LIMIT = 25 * 1024 * 1024
/** Files read at the same time: far below any open-files limit. */
const CONCURRENCY = 8

export interface ReadOptions {
  /** The listing stops (read/too-many-files) after this many entries; MAX_ENTRIES by default. */
  maxEntries?: number
  /** parcours' UI strings, for the analysis that finds the images (and the cache it fills). */
  strings?: Record<Lang, Record<string, string>>
  /** Filled here, re-used by the compile that follows: the modules are parsed once per build. */
  cache?: AnalysisCache
}

export async function readTree(root: string, options: ReadOptions = {}): Promise<SourceTree> {
  const listing = await listFiles(root, options.maxEntries)
  const problems: Diagnostic[] = []
  for (const { path, reason } of listing.unreadable) problems.push((path === '.' ? error : warning)('read/unreadable-folder', path, undefined, { reason }))
  if (listing.tooMany) problems.push(error('read/too-many-files', '.', undefined, { max: options.maxEntries ?? MAX_ENTRIES }))
  const files: Record<string, SourceFile> = {}
  for (const path of [...listing.files.keys()].sort()) files[path] = { path }
  const tree: SourceTree = { root, files, problems }
  const load = async (paths: readonly string[], kind: 'text' | 'image'): Promise<void> => {
    const queue = paths.filter((path) => path in files && !('text' in files[path]!) && !('bytes' in files[path]!))
    const worker = async (): Promise<void> => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const result = await readKept(join(root, listing.files.get(path)!), path, kind, options.cache)
        if ('problem' in result) problems.push(result.problem)
        else files[path] = { path, ...result }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  }

  await load([COURSE_FILE], 'text')
  const course = files[COURSE_FILE]?.text !== undefined ? parseCourseConfig(files[COURSE_FILE]!).config : undefined
  const modules = (course?.modules ?? []).map((entry) => resolveModuleFile(entry, files)).filter((f): f is string => f !== undefined)
  const templates = Object.keys(files).filter((f) => f.startsWith('templates/') && f.endsWith('.hbs'))
  await load([...modules, ...templates], 'text')
  // The images the modules show: the same analysis the build runs next (its cache keeps the parse).
  // Only the parse: the checks of the whole course run once, in the analysis that follows.
  const language = course?.language ?? 'fr'
  const images = course ? parseModules(tree, modules, language, options.strings?.[language] ?? {}, options.cache).modules.flatMap((m) => m.assets.map((a) => a.from)) : []
  const logo = course?.theme.logo?.src
  // Only an image is ever read as the logo (theme/logo-not-image otherwise).
  await load([...new Set([...(logo && LOGO_FILE.test(logo) ? [logo] : []), ...images])], 'image')
  return tree
}

type ReadResult = { text: string } | { bytes: Uint8Array } | { problem: Diagnostic }

/**
 * What watch and preview read at the previous build, by path, with the size and modification time
 * it had then; and the paths the watcher reported since. A file is read again when the watcher
 * names it or when its size or time changed: either alone would do, both guard against the other's
 * blind spot (a missed event; two saves within the file system's time resolution).
 */
const kept = new WeakMap<AnalysisCache, { reads: Map<string, { size: number; mtimeMs: number; kind: string; result: ReadResult }>; changed: Set<string> }>()

function keptFor(cache: AnalysisCache) {
  let k = kept.get(cache)
  if (!k) kept.set(cache, (k = { reads: new Map(), changed: new Set() }))
  return k
}

/** The watcher saw these paths (relative to the course folder) change: the next read takes them from disk. */
export function markChanged(cache: AnalysisCache, paths: readonly string[]): void {
  const k = keptFor(cache)
  for (const path of paths) k.changed.add(path)
}

async function readKept(absolute: string, path: string, kind: 'text' | 'image', cache: AnalysisCache | undefined): Promise<ReadResult> {
  // A one-off build reads each file once: nothing to keep (a kept text would outlive its parse).
  if (!cache || cache.once) return readOne(absolute, path, kind)
  const k = keptFor(cache)
  const info = await stat(absolute).catch(() => undefined)
  const before = k.reads.get(path)
  const changed = k.changed.delete(path)
  if (info && before && !changed && before.kind === kind && before.size === info.size && before.mtimeMs === info.mtimeMs) return before.result
  const result = await readOne(absolute, path, kind)
  if (info) k.reads.set(path, { size: info.size, mtimeMs: info.mtimeMs, kind, result })
  return result
}

/** Opens, checks the size on the open file (not a name that could change), then reads. */
async function readOne(absolute: string, path: string, kind: 'text' | 'image'): Promise<ReadResult> {
  const limit = kind === 'text' ? TEXT_LIMIT : IMAGE_LIMIT
  let bytes: Uint8Array
  try {
    const handle = await open(absolute, 'r')
    try {
      const { size } = await handle.stat()
      if (size > limit) {
        const code = kind === 'text' ? 'read/text-too-large' : 'read/image-too-large'
        return { problem: error(code, path, undefined, { size: megabytes(size), limit: megabytes(limit) }) }
      }
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch (e) {
    return { problem: error('read/unreadable-file', path, undefined, { reason: reasonOf(e) }) }
  }
  if (kind === 'image') {
    const svg = /\.svg$/i.test(path) ? svgProblem(new TextDecoder().decode(bytes)) : undefined
    if (svg) return { problem: error('image/svg-script', path, { line: svg.line, column: svg.column }, { found: svg.found }) }
    return { bytes }
  }
  const decoded = decodeText(bytes)
  if ('badByte' in decoded) {
    const { line, column, byte } = decoded.badByte
    return { problem: error('read/not-utf8', path, { line, column }, { byte: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}` }) }
  }
  return { text: decoded.text }
}

/** `2.5`, `25`, `2560`: one decimal below 10 MB, the same digits in French and English texts. */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return mb < 10 ? (Math.ceil(mb * 10) / 10).toString() : Math.ceil(mb).toString()
}
