/**
 * What course.yml refers to, found in the course folder: the module files listed under `modules:`
 * and the theme's logo. Parse stage: it only resolves names against the tree that was read.
 */
import { didYouMean } from '../did-you-mean.js'
import { error, type Diagnostic } from '../diagnostics.js'
import type { CourseConfig } from '../types.js'
import type { ParsedCourseConfig } from './course-config.js'

/** `01-intro.md`, `01-intro` (→ `01-intro.md`) or a folder `02-rgpd` (→ `02-rgpd/index.md`). */
export function resolveModuleFile(entry: string, files: Record<string, unknown>): string | undefined {
  const clean = entry.replace(/^\.\//, '').replace(/\/$/, '')
  return [clean, `${clean}.md`, `${clean}/index.md`].find((candidate) => candidate.endsWith('.md') && candidate in files)
}

/** The module files of course.yml's `modules:` list, in course order (entries not found left out). */
export function resolveModules(
  config: CourseConfig,
  moduleAt: ParsedCourseConfig['moduleAt'],
  courseFile: string,
  files: Record<string, unknown>,
): { files: string[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const found: string[] = []
  // Suggestions: Markdown files no entry refers to (a folder module by its folder name), outside templates/.
  const listed = new Set(config.modules.map((entry) => resolveModuleFile(entry, files)))
  const candidates = Object.keys(files)
    .filter((f) => f.endsWith('.md') && !listed.has(f) && !f.startsWith('templates/'))
    .map((f) => f.replace(/\/index\.md$/, ''))
  config.modules.forEach((entry, i) => {
    const at = moduleAt[i]
    const file = resolveModuleFile(entry, files)
    if (!file) {
      const near = didYouMean(entry, candidates)
      diagnostics.push(error('course/module-not-found', courseFile, at, near ? { module: entry, didYouMean: near } : { module: entry }))
    } else if (found.includes(file)) {
      diagnostics.push(error('course/module-listed-twice', courseFile, at, { module: entry }))
    } else found.push(file)
  })
  return { files: found, diagnostics }
}

/** The image types a browser shows in an `<img>`: a logo is one of them, never a module or any other file. */
export const LOGO_FILE = /\.(png|jpe?g|gif|svg|webp|avif)$/i

/** `theme.logo` names an image of the course folder (a module's source, answers included, was once shipped as the logo). */
export function checkLogo(config: CourseConfig, logoAt: ParsedCourseConfig['logoAt'], courseFile: string, files: Record<string, unknown>): Diagnostic[] {
  const logo = config.theme.logo
  const at = logoAt ?? { line: 1, column: 1 }
  if (!logo) return []
  if (!LOGO_FILE.test(logo.src)) return [error('theme/logo-not-image', courseFile, at, { src: logo.src })]
  return logo.src in files ? [] : [error('theme/logo-not-found', courseFile, at, { src: logo.src })]
}
