/**
 * The command line: the only code that reads argv, prints, and sets the exit code.
 * A mistake in the course prints diagnostics and exits 1; a bug in parcours prints a stack and exits 70.
 */
import { stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { build, OutputError } from '../index.js'
import { CompileError, formatDiagnostic } from '../compiler/diagnostics.js'
import { readBuiltins } from '../compiler/read/read-builtins.js'
import { say } from '../i18n/cli.js'
import type { Lang, ScormVersion } from '../shared/sco-data.js'
import { EXIT } from './exit-codes.js'

const FORMATS: Record<string, ScormVersion[]> = { scorm12: ['scorm12'], scorm2004: ['scorm2004'], all: ['scorm12', 'scorm2004'] }

export async function main(argv: string[]): Promise<number> {
  let lang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'fr'
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'dist' },
        format: { type: 'string', default: 'scorm12' },
        lang: { type: 'string', default: 'fr' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
  } catch (e) {
    console.error(say(lang, 'badOption', { reason: (e as Error).message }))
    return EXIT.usage
  }
  const { values, positionals } = parsed
  if (values.lang !== 'fr' && values.lang !== 'en') {
    console.error(say(lang, 'badOption', { reason: `--lang ${values.lang}` }))
    return EXIT.usage
  }
  lang = values.lang
  if (values.version) {
    console.log((await readBuiltins()).generatorVersion)
    return EXIT.ok
  }
  const [command, dir = 'content', ...extra] = positionals
  if (values.help || command === undefined || command === 'help') {
    console.log(say(lang, 'help'))
    return command === undefined && !values.help ? EXIT.usage : EXIT.ok
  }
  if (command !== 'build' || extra.length > 0) {
    console.error(say(lang, 'unknownCommand', { command: [command, ...extra].join(' ') }))
    return EXIT.usage
  }
  const formats = FORMATS[values.format]
  if (!formats) {
    console.error(say(lang, 'badFormat', { format: values.format }))
    return EXIT.usage
  }
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) {
    console.error(say(lang, 'noDir', { dir }))
    return EXIT.usage
  }
  try {
    const result = await build(dir, { out: values.out, formats })
    for (const d of result.diagnostics) console.error(formatDiagnostic(d, lang))
    if (result.diagnostics.length) console.error(say(lang, 'warnings', { warnings: result.diagnostics.length }))
    for (const [i, pkg] of result.packages.entries()) {
      const bytes = (await stat(result.written[i]!)).size
      const pages = pkg.scos.reduce((n, s) => n + s.data.pages.length, 0)
      const questions = pkg.scos.reduce((n, s) => n + s.data.questions.length, 0)
      console.log(say(lang, 'written', { path: result.written[i]!, size: Math.ceil(bytes / 1024), scos: pkg.scos.length, pages, questions }))
    }
    return EXIT.ok
  } catch (e) {
    if (e instanceof OutputError) {
      console.error(say(lang, 'cannotWrite', { out: e.out, reason: ((e.cause as NodeJS.ErrnoException).code ?? '') + '' }))
      return EXIT.usage
    }
    if (!(e instanceof CompileError)) throw e
    for (const d of e.diagnostics) console.error(formatDiagnostic(d, lang))
    const errors = e.diagnostics.filter((d) => d.severity === 'error').length
    console.error(say(lang, 'summary', { errors, warnings: e.diagnostics.length - errors }))
    return EXIT.courseErrors
  }
}
