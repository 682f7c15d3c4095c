/** `parcours preview [folder]`: the course in a local LMS, rebuilt and reloaded on every save. */
import { resolve } from 'node:path'
import type { ScormVersion } from '../../shared/sco-data.js'
import { messages, UsageError, type Command, type CommandContext } from '../command.js'
import { EXIT } from '../exit-codes.js'
import { styleFor } from '../style.js'
import { courseDir } from './build.js'

const say = messages({
  fr: {
    ready: 'Aperçu de la formation : {url}\nChaque enregistrement recompile la formation et recharge la page. Ctrl-C pour arrêter.',
    portTaken: 'Le port {port} est déjà utilisé (un autre aperçu est peut-être ouvert). Fermez-le, ou choisissez un autre port : parcours preview --port {next}',
    badPort: 'Port invalide « {port} » : un nombre de 1024 à 65535.',
    badFormat: 'Format inconnu « {format} » : scorm12 ou scorm2004.',
    rebuilt: '{time} formation recompilée ({ms} ms{warnings})',
    warnings: ', {warnings} avertissement(s)',
    failed: '{time} {errors} erreur(s) : l’aperçu les affiche ; la dernière version correcte reste en ligne',
    stopped: 'Aperçu arrêté.',
  },
  en: {
    ready: 'Course preview: {url}\nEvery save recompiles the course and reloads the page. Ctrl-C to stop.',
    portTaken: 'Port {port} is already in use (another preview may be open). Close it, or choose another port: parcours preview --port {next}',
    badPort: 'Invalid port "{port}": a number from 1024 to 65535.',
    badFormat: 'Unknown format "{format}": scorm12 or scorm2004.',
    rebuilt: '{time} course recompiled ({ms} ms{warnings})',
    warnings: ', {warnings} warning(s)',
    failed: '{time} {errors} error(s): the preview shows them; the last good version stays online',
    stopped: 'Preview stopped.',
  },
})

export const preview: Command = {
  name: 'preview',
  summary: {
    fr: 'joue la formation dans un LMS local, avec inspecteur, rechargée à chaque enregistrement',
    en: 'plays the course in a local LMS with an inspector, reloaded on every save',
  },
  usage: { fr: 'parcours preview [dossier] [options]', en: 'parcours preview [folder] [options]' },
  details: {
    fr: 'Compile en mémoire (rien n’est écrit) et sert sur 127.0.0.1 seulement. Le LMS est aussi strict que Moodle.',
    en: 'Compiles in memory (nothing is written) and serves on 127.0.0.1 only. The LMS is as strict as Moodle.',
  },
  options: {
    port: { type: 'string', value: { fr: '<port>', en: '<port>' }, help: { fr: 'port local (défaut : 8080)', en: 'local port (default: 8080)' } },
    format: { type: 'string', value: { fr: '<format>', en: '<format>' }, help: { fr: 'scorm12 (défaut) ou scorm2004', en: 'scorm12 (default) or scorm2004' } },
    open: { type: 'boolean', help: { fr: 'ouvre l’aperçu dans le navigateur', en: 'opens the preview in the browser' } },
  },
  maxPositionals: 1,
  run,
}

async function run({ lang, values, positionals, io }: CommandContext): Promise<number> {
  const format = (typeof values.format === 'string' ? values.format : 'scorm12') as ScormVersion
  if (format !== 'scorm12' && format !== 'scorm2004') throw new UsageError(say(lang, 'badFormat', { format }))
  const portText = typeof values.port === 'string' ? values.port : '8080'
  const port = Number(portText)
  // 0 is allowed for tests (any free port); below 1024 needs root.
  if (!/^\d+$/.test(portText) || !(port === 0 || (port >= 1024 && port <= 65535))) throw new UsageError(say(lang, 'badPort', { port: portText }))
  const dir = await courseDir(positionals[0], io.cwd, lang)
  const [{ startPreview }, { previewAssets }, { watchFolder, courseIgnore }] = await Promise.all([
    import('../../preview/server.js'),
    import('../../preview/assets.js'),
    import('../watch.js'),
  ])
  const style = styleFor(io)
  const time = (): string => new Date().toLocaleTimeString(lang === 'fr' ? 'fr-FR' : 'en-GB')
  let first = true
  const onBuild = (r: { ok: boolean; ms: number; errors: string[]; warnings: string[] }): void => {
    if (r.ok && (first || values.quiet)) return void (first = false)
    first = false
    if (r.ok)
      io.stdout(`${style.green(say(lang, 'rebuilt', { time: time(), ms: r.ms, warnings: r.warnings.length ? say(lang, 'warnings', { warnings: r.warnings.length }) : '' }))}\n`)
    else io.stderr(`${r.errors.join('\n')}\n${style.red(say(lang, 'failed', { time: time(), errors: r.errors.length }))}\n`)
  }
  let server
  try {
    server = await startPreview({ dir, port, format, lang, assets: previewAssets }, onBuild)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(say(lang, 'portTaken', { port, next: port + 1 }))
    throw e
  }
  const current = server
  return new Promise<number>((done, fail) => {
    const watcher = watchFolder(dir, courseIgnore(dir, resolve(dir, 'dist')), (paths) =>
      current.rebuild(paths).then(
        () => undefined,
        (e: unknown) => fail(e),
      ),
    )
    io.onInterrupt?.(() => {
      watcher.close()
      void current.close().then(() => {
        io.stderr(`${say(lang, 'stopped')}\n`)
        done(EXIT.interrupted)
      }, fail)
    })
    // Printed once Ctrl-C is listened for: a script that interrupts on this line gets 130.
    io.stdout(`${say(lang, 'ready', { url: current.url })}\n`)
    if (values.open) void openBrowser(current.url)
  })
}

/** The system's way to open an address: xdg-open, open (macOS), start (Windows). */
async function openBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process')
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]]
  const child = spawn(command, args, { stdio: 'ignore', detached: true })
  child.on('error', () => {}) // no opener: the address is printed anyway
  child.unref()
}
