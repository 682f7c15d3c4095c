/** `parcours build [folder]`: the course folder → one SCORM zip per format, nothing written on error. */
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { ScormVersion } from '../../shared/sco-data.js'
import { messages, UsageError, type Command, type CommandContext } from '../command.js'
import { EXIT } from '../exit-codes.js'
import { styleFor } from '../style.js'

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
    progress: 'Compilation de la formation…',
    took: 'en {ms} ms',
    watching: 'Surveillance de {dir} : chaque enregistrement reconstruit le paquet. Ctrl-C pour arrêter.',
    rebuilt: '{time} paquet écrit : {paths} ({ms} ms{warnings})',
    rebuiltWarnings: ', {warnings} avertissement(s)',
    failed: '{time} {errors} erreur(s), {warnings} avertissement(s) : paquet inchangé ({ms} ms)',
    stopped: 'Surveillance arrêtée.',
    answerKey: 'Corrigé écrit : {path} (pour les formateurs : ne le déposez pas dans Moodle)',
  },
  en: {
    written: 'Package written: {path} ({size} KB, {scos} SCO, {pages} pages, {questions} questions)',
    summary: '{errors} error(s), {warnings} warning(s): no package written.',
    warnings: '{warnings} warning(s).',
    badFormat: 'Unknown format "{format}": scorm12, scorm2004 or all.',
    noDir: 'Folder not found: {dir}. Give the course folder (the one with course.yml), for example "parcours build ." from inside it.',
    notCourse: 'No course.yml in {dir} and no content/ folder here. Go to the course folder and run "parcours build .", or give its path.',
    cannotWrite: 'Cannot write to the output folder "{out}" ({reason}): check that it is a folder you can write to. No package written.',
    progress: 'Compiling the course…',
    took: 'in {ms} ms',
    watching: 'Watching {dir}: every save rebuilds the package. Ctrl-C to stop.',
    rebuilt: '{time} package written: {paths} ({ms} ms{warnings})',
    rebuiltWarnings: ', {warnings} warning(s)',
    failed: '{time} {errors} error(s), {warnings} warning(s): package unchanged ({ms} ms)',
    stopped: 'Stopped watching.',
    answerKey: 'Answer key written: {path} (for trainers: do not upload it to Moodle)',
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
    watch: {
      type: 'boolean',
      short: 'w',
      help: { fr: 'reconstruit à chaque modification, une ligne par construction (Ctrl-C pour arrêter)', en: 'rebuilds on every change, one line per build (Ctrl-C to stop)' },
    },
    'answer-key': {
      type: 'boolean',
      help: { fr: 'écrit aussi le corrigé des formateurs (HTML) à côté du zip, jamais dedans', en: 'also writes the trainers’ answer key (HTML) beside the zip, never inside it' },
    },
  },
  maxPositionals: 1,
  run,
}

type BuildApi = typeof import('../../index.js')

async function run(context: CommandContext): Promise<number> {
  const { lang, values, positionals, io } = context
  const format = typeof values.format === 'string' ? values.format : 'scorm12'
  const formats = FORMATS[format]
  if (!formats) throw new UsageError(say(lang, 'badFormat', { format }))
  const dir = await courseDir(positionals[0], io.cwd, lang)
  const out = resolve(io.cwd, typeof values.out === 'string' ? values.out : 'dist')
  const api = await import('../../index.js')
  if (values.watch) return watchBuild(context, api, dir, out, formats)
  const progress = progressLine(context)
  try {
    const answerKey = values['answer-key'] === true
    const result = await api.build(dir, { out, formats, answerKey })
    progress.done()
    if (!values.quiet) for (const d of result.diagnostics) io.stderr(`${api.formatDiagnostic(d, lang)}\n`)
    if (result.diagnostics.length && !values.quiet) io.stderr(`${styleFor(io).yellow(say(lang, 'warnings', { warnings: result.diagnostics.length }))}\n`)
    if (values.quiet) return EXIT.ok
    for (const [i, pkg] of result.packages.entries()) {
      const path = result.written[i]!
      const bytes = (await stat(path)).size
      const pages = pkg.scos.reduce((n, s) => n + s.data.pages.length, 0)
      const questions = pkg.scos.reduce((n, s) => n + s.data.questions.length, 0)
      io.stdout(`${say(lang, 'written', { path: displayPath(path, io.cwd), size: Math.ceil(bytes / 1024), scos: pkg.scos.length, pages, questions })}\n`)
    }
    if (answerKey) io.stdout(`${say(lang, 'answerKey', { path: displayPath(result.written[result.packages.length]!, io.cwd) })}\n`)
    if (values.verbose) io.stderr(`${say(lang, 'took', { ms: Math.round(progress.elapsed()) })}\n`)
    return EXIT.ok
  } catch (e) {
    progress.done()
    return reportFailure(e, context, api)
  }
}

/** Errors of the course (exit 1) or of the output folder (exit 2); anything else is a bug and goes on up. */
function reportFailure(e: unknown, context: CommandContext, api: BuildApi): number {
  assertCourseError(e, context, api)
  const { lang, io } = context
  for (const d of e.diagnostics) io.stderr(`${api.formatDiagnostic(d, lang)}\n`)
  const errors = e.diagnostics.filter((d) => d.severity === 'error').length
  io.stderr(`${styleFor(io).red(say(lang, 'summary', { errors, warnings: e.diagnostics.length - errors }))}\n`)
  return EXIT.courseErrors
}

/** A mistake in the course goes on; an output folder that cannot be written is a usage error (exit 2); anything else a bug. */
function assertCourseError(e: unknown, { lang, io }: CommandContext, api: BuildApi): asserts e is InstanceType<BuildApi['CompileError']> {
  if (e instanceof api.OutputError)
    throw new UsageError(say(lang, 'cannotWrite', { out: displayPath(e.out, io.cwd), reason: String((e.cause as NodeJS.ErrnoException).code ?? '') }))
  if (!(e instanceof api.CompileError)) throw e
}

/**
 * `--watch`: one build now, then one per burst of changes, each printed on one line. Modules whose
 * text did not change are not parsed again (AnalysisCache). Errors print their diagnostics and
 * leave the last good zip in place; warnings print in full when they differ from the last build's.
 */
async function watchBuild(context: CommandContext, api: BuildApi, dir: string, out: string, formats: ScormVersion[]): Promise<number> {
  const { lang, values, io } = context
  const { watchFolder, courseIgnore } = await import('../watch.js')
  const style = styleFor(io)
  const cache = api.createAnalysisCache()
  api.rememberDigests()
  let lastWarnings = ''
  const once = async (): Promise<void> => {
    const started = performance.now()
    const time = new Date().toLocaleTimeString(lang === 'fr' ? 'fr-FR' : 'en-GB')
    const ms = (): number => Math.round(performance.now() - started)
    try {
      const result = await api.build(dir, { out, formats, cache })
      const warnings = result.diagnostics.map((d) => api.formatDiagnostic(d, lang)).join('\n')
      if (warnings && warnings !== lastWarnings && !values.quiet) io.stderr(`${warnings}\n`)
      lastWarnings = warnings
      const count = result.diagnostics.length
      const line = say(lang, 'rebuilt', {
        time,
        paths: result.written.map((p) => displayPath(p, io.cwd)).join(', '),
        ms: ms(),
        warnings: count ? say(lang, 'rebuiltWarnings', { warnings: count }) : '',
      })
      if (!values.quiet) io.stdout(`${count ? style.yellow(line) : style.green(line)}\n`)
    } catch (e) {
      assertCourseError(e, context, api)
      lastWarnings = ''
      for (const d of e.diagnostics) io.stderr(`${api.formatDiagnostic(d, lang)}\n`)
      const errors = e.diagnostics.filter((d) => d.severity === 'error').length
      io.stderr(`${style.red(say(lang, 'failed', { time, errors, warnings: e.diagnostics.length - errors, ms: ms() }))}\n`)
    }
  }
  if (!values.quiet) io.stderr(`${style.dim(say(lang, 'watching', { dir: displayPath(dir, io.cwd) || '.' }))}\n`)
  // Ctrl-C is listened for before the first build: pressed as soon as its line is printed, it must
  // stop the watch with 130, not kill the process with the default signal handler.
  let interrupted = false
  let onStop = (): void => void (interrupted = true)
  io.onInterrupt?.(() => onStop())
  await once()
  return new Promise<number>((resolvePromise, reject) => {
    const stop = (): void => {
      if (!values.quiet) io.stderr(`${say(lang, 'stopped')}\n`)
      resolvePromise(EXIT.interrupted)
    }
    if (interrupted) return stop()
    const watcher = watchFolder(dir, courseIgnore(dir, out), (paths) => {
      // What the watcher saw is read again; the rest is taken from the last build when unchanged on disk.
      api.markChanged(cache, paths)
      return once().catch((e: unknown) => (watcher.close(), reject(e)))
    })
    onStop = () => {
      watcher.close()
      stop()
    }
  })
}

/** On a terminal, a line that says the build is running when it takes more than a second. */
function progressLine({ lang, io, values }: CommandContext): { done(): void; elapsed(): number } {
  const started = performance.now()
  const text = say(lang, 'progress')
  let shown = false
  const timer = io.isTTY && !values.quiet ? setTimeout(() => ((shown = true), io.stderr(text)), 1000) : undefined
  timer?.unref()
  return {
    done: () => {
      clearTimeout(timer)
      if (shown) io.stderr(`\r${' '.repeat(text.length)}\r`)
    },
    elapsed: () => performance.now() - started,
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
  return path === cwd ? '' : path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path
}
