/**
 * `parcours check [folder]`: everything `build` would report, and nothing written (except the
 * sources with `--fix`). Exit 1 on errors, 0 on warnings only (`--strict`: 1 on warnings too).
 */
import { resolve } from 'node:path'
import { messages, UsageError, type Command, type CommandContext } from '../command.js'
import { EXIT } from '../exit-codes.js'
import { styleFor } from '../style.js'
import { courseDir } from './build.js'

const say = messages({
  fr: {
    summary: '{questions} questions dont {graded} notées, seuil {passing}.',
    counts: '{errors} erreur(s), {warnings} avertissement(s).',
    clean: 'Aucun problème trouvé.',
    fixed: '{file} : {count} correction(s) typographique(s).',
    change: '  {file}:{line}:{column} : {what}',
    'space-before': 'espace insécable avant « {mark} »',
    guillemets: 'espace insécable dans « »',
    'straight-quotes': 'guillemet droit → « ou »',
    badFormat: 'Format de sortie inconnu « {format} » : text ou json.',
    noZip: 'Paquet publié introuvable : {path}.',
  },
  en: {
    summary: '{questions} questions, {graded} of them graded, pass mark {passing}.',
    counts: '{errors} error(s), {warnings} warning(s).',
    clean: 'No problem found.',
    fixed: '{file}: {count} typography fix(es).',
    change: '  {file}:{line}:{column}: {what}',
    'space-before': 'no-break space before "{mark}"',
    guillemets: 'no-break space inside « »',
    'straight-quotes': 'straight quote → « or »',
    badFormat: 'Unknown output format "{format}": text or json.',
    noZip: 'Published package not found: {path}.',
  },
})

export const check: Command = {
  name: 'check',
  summary: {
    fr: 'vérifie la formation sans rien écrire (erreurs, accessibilité, pédagogie, typographie, mise à jour)',
    en: 'checks the course without writing anything (errors, accessibility, pedagogy, typography, update)',
  },
  usage: { fr: 'parcours check [dossier] [options]', en: 'parcours check [folder] [options]' },
  details: {
    fr: 'Code de sortie 1 s’il y a des erreurs (ou des avertissements avec --strict), 0 sinon.',
    en: 'Exit code 1 on errors (or warnings with --strict), 0 otherwise.',
  },
  options: {
    against: {
      type: 'string',
      value: { fr: '<paquet.zip>', en: '<package.zip>' },
      help: {
        fr: 'compare avec le paquet publié dans Moodle : ce que la mise à jour change pour les apprenants',
        en: 'compares with the package published in Moodle: what the update changes for learners',
      },
    },
    format: {
      type: 'string',
      value: { fr: '<text|json>', en: '<text|json>' },
      help: { fr: 'text (défaut) ou json (pour l’intégration continue)', en: 'text (default) or json (for CI)' },
    },
    strict: { type: 'boolean', help: { fr: 'échoue aussi sur les avertissements', en: 'fails on warnings too' } },
    fix: {
      type: 'boolean',
      help: {
        fr: 'corrige la typographie française dans les fichiers des modules (espaces insécables, « »)',
        en: 'fixes French typography in the module files (no-break spaces, « »)',
      },
    },
  },
  maxPositionals: 1,
  run,
}

async function run({ lang, values, positionals, io }: CommandContext): Promise<number> {
  const format = typeof values.format === 'string' ? values.format : 'text'
  if (format !== 'text' && format !== 'json') throw new UsageError(say(lang, 'badFormat', { format }))
  const dir = await courseDir(positionals[0], io.cwd, lang)
  const against = typeof values.against === 'string' ? resolve(io.cwd, values.against) : undefined
  if (
    against &&
    !(await import('node:fs/promises').then((fs) =>
      fs.stat(against).then(
        (s) => s.isFile(),
        () => false,
      ),
    ))
  )
    throw new UsageError(say(lang, 'noZip', { path: values.against as string }))
  const api = await import('../../index.js')
  const result = await api.check(dir, { ...(against && { against }), fix: Boolean(values.fix) })
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length
  const failed = errors > 0 || (Boolean(values.strict) && warnings > 0)
  if (format === 'json') {
    const findings = result.diagnostics.map((d) => {
      const [head, hint] = api.formatDiagnostic(d, lang).split('\n')
      return {
        file: d.file,
        line: d.line ?? null,
        column: d.column ?? null,
        severity: d.severity,
        code: d.code,
        message: head!.replace(/^.*?\[[^\]]+\] /, ''),
        hint: hint!.trim().replace(/^\S+( :|:) /, ''),
        params: d.params ?? {},
      }
    })
    io.stdout(
      `${JSON.stringify({ ok: !failed, errors, warnings, summary: result.summary ?? null, fixed: result.fixed.map((f) => ({ file: f.file, changes: f.changes })), findings }, null, 2)}\n`,
    )
    return failed ? EXIT.courseErrors : EXIT.ok
  }
  const style = styleFor(io)
  for (const fix of result.fixed) {
    io.stdout(`${say(lang, 'fixed', { file: fix.file, count: fix.changes.length })}\n`)
    if (values.verbose)
      for (const c of fix.changes) io.stdout(`${say(lang, 'change', { file: fix.file, line: c.line, column: c.column, what: say(lang, c.kind, { mark: c.mark }) })}\n`)
  }
  if (!values.quiet) for (const d of result.diagnostics) io.stderr(`${api.formatDiagnostic(d, lang)}\n`)
  else for (const d of result.diagnostics.filter((x) => x.severity === 'error')) io.stderr(`${api.formatDiagnostic(d, lang)}\n`)
  if (result.summary) io.stdout(`${say(lang, 'summary', { questions: result.summary.questions, graded: result.summary.graded, passing: result.summary.passingScore })}\n`)
  const line = errors + warnings ? say(lang, 'counts', { errors, warnings }) : say(lang, 'clean')
  io.stdout(`${failed ? style.red(line) : warnings ? style.yellow(line) : style.green(line)}\n`)
  return failed ? EXIT.courseErrors : EXIT.ok
}
