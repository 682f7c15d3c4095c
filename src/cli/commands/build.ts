/** `parcours build [folder]`: the course folder → one SCORM zip per format, nothing written on error. */
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { ScormVersion } from '../../shared/sco-data.js'
import { messages, UsageError, type Command, type CommandContext } from '../command.js'
import { EXIT } from '../exit-codes.js'

const FORMATS: Record<string, ScormVersion[]> = { scorm12: ['scorm12'], scorm2004: ['scorm2004'], all: ['scorm12', 'scorm2004'] }

const say = messages({
  fr: {
    written: 'Paquet écrit : {path} ({size} Ko, {scos} SCO, {pages} pages, {questions} questions)',
    summary: '{errors} erreur(s), {warnings} avertissement(s) : aucun paquet écrit.',
    warnings: '{warnings} avertissement(s).',
    badFormat: 'Format inconnu « {format} » : scorm12, scorm2004 ou all.',
    noDir: 'Dossier introuvable : {dir}. Donnez le dossier de la formation (celui qui contient course.yml), par exemple « parcours build . » depuis ce dossier.',
    notCourse: 'Pas de course.yml dans {dir} ni de dossier content/ ici. Placez-vous dans le dossier de la formation et lancez « parcours build . », ou donnez son chemin.',
    cannotWrite: 'Impossible d’écrire dans le dossier de sortie « {out} » ({reason}) : vérifiez que c’est un dossier et que vous pouvez y écrire. Aucun paquet écrit.',
  },
  en: {
    written: 'Package written: {path} ({size} KB, {scos} SCO, {pages} pages, {questions} questions)',
    summary: '{errors} error(s), {warnings} warning(s): no package written.',
    warnings: '{warnings} warning(s).',
    badFormat: 'Unknown format "{format}": scorm12, scorm2004 or all.',
    noDir: 'Folder not found: {dir}. Give the course folder (the one with course.yml), for example "parcours build ." from inside it.',
    notCourse: 'No course.yml in {dir} and no content/ folder here. Go to the course folder and run "parcours build .", or give its path.',
    cannotWrite: 'Cannot write to the output folder "{out}" ({reason}): check that it is a folder you can write to. No package written.',
  },
})

export const build: Command = {
  name: 'build',
  summary: { fr: 'compile la formation en paquet(s) SCORM (zip)', en: 'compiles the course into SCORM package(s) (zip)' },
  usage: { fr: 'parcours build [dossier] [options]', en: 'parcours build [folder] [options]' },
  details: {
    fr: 'Dossier par défaut : le dossier courant s’il contient course.yml, sinon content/.',
    en: 'Default folder: the current folder when it holds course.yml, otherwise content/.',
  },
  options: {
    out: { type: 'string', value: { fr: '<dossier>', en: '<folder>' }, help: { fr: 'dossier de sortie (défaut : dist)', en: 'output folder (default: dist)' } },
    format: { type: 'string', value: { fr: '<format>', en: '<format>' }, help: { fr: 'scorm12 (défaut), scorm2004 ou all', en: 'scorm12 (default), scorm2004 or all' } },
  },
  maxPositionals: 1,
  run,
}

async function run({ lang, values, positionals, io }: CommandContext): Promise<number> {
  const format = typeof values.format === 'string' ? values.format : 'scorm12'
  const formats = FORMATS[format]
  if (!formats) throw new UsageError(say(lang, 'badFormat', { format }))
  const dir = await courseDir(positionals[0], io.cwd, lang)
  const out = resolve(io.cwd, typeof values.out === 'string' ? values.out : 'dist')
  const [{ build: buildCourse, OutputError }, { CompileError, formatDiagnostic }] = await Promise.all([import('../../index.js'), import('../../compiler/diagnostics.js')])
  try {
    const result = await buildCourse(dir, { out, formats })
    for (const d of result.diagnostics) io.stderr(`${formatDiagnostic(d, lang)}\n`)
    if (result.diagnostics.length) io.stderr(`${say(lang, 'warnings', { warnings: result.diagnostics.length })}\n`)
    for (const [i, pkg] of result.packages.entries()) {
      const path = result.written[i]!
      const bytes = (await stat(path)).size
      const pages = pkg.scos.reduce((n, s) => n + s.data.pages.length, 0)
      const questions = pkg.scos.reduce((n, s) => n + s.data.questions.length, 0)
      io.stdout(`${say(lang, 'written', { path: displayPath(path, io.cwd), size: Math.ceil(bytes / 1024), scos: pkg.scos.length, pages, questions })}\n`)
    }
    return EXIT.ok
  } catch (e) {
    if (e instanceof OutputError) throw new UsageError(say(lang, 'cannotWrite', { out: displayPath(e.out, io.cwd), reason: String((e.cause as NodeJS.ErrnoException).code ?? '') }))
    if (!(e instanceof CompileError)) throw e
    for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d, lang)}\n`)
    const errors = e.diagnostics.filter((d) => d.severity === 'error').length
    io.stderr(`${say(lang, 'summary', { errors, warnings: e.diagnostics.length - errors })}\n`)
    return EXIT.courseErrors
  }
}

/** The folder given, else `.` when it holds a course.yml, else `content` (the repository's sample). */
export async function courseDir(given: string | undefined, cwd: string, lang: 'fr' | 'en'): Promise<string> {
  const isDir = (path: string): Promise<boolean> =>
    stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    )
  if (given !== undefined) {
    const dir = resolve(cwd, given)
    if (!(await isDir(dir))) throw new UsageError(say(lang, 'noDir', { dir: given }))
    return dir
  }
  if (
    await stat(join(cwd, 'course.yml')).then(
      (s) => s.isFile(),
      () => false,
    )
  )
    return cwd
  const content = join(cwd, 'content')
  if (await isDir(content)) return content
  throw new UsageError(say(lang, 'notCourse', { dir: cwd }))
}

/** Paths as the user typed them: relative to where they are when inside it. */
function displayPath(path: string, cwd: string): string {
  return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path
}
