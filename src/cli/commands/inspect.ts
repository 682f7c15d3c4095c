/**
 * `parcours inspect <state | file | package.zip> [--course folder|zip]`: for the trainer or the
 * support team answering « j'ai perdu ma progression ». A learner's `cmi.suspend_data` (given
 * as is, or in a file: Moodle's track details page copied, saved or downloaded) decoded against
 * the course, with the runtime's own decoder and verdict; or a SCORM zip summarised. Reads only.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import type { ScoData, ScormVersion } from '../../shared/sco-data.js'
import { messages, UsageError, type Command, type CommandContext } from '../command.js'
import { EXIT } from '../exit-codes.js'
import { styleFor } from '../style.js'

const say = messages({
  fr: {
    missing: 'Que faut-il inspecter ? Donnez un état (cmi.suspend_data), un fichier qui le contient, ou un paquet .zip.',
    notFound: 'Fichier introuvable : {path}.',
    isFolder: '« {path} » est un dossier. inspect lit un état (cmi.suspend_data), un fichier qui le contient ou un paquet .zip ; la formation se donne avec --course {path}.',
    unreadable: 'Impossible de lire {path} ({reason}).',
    empty: 'Rien à lire : {what} est vide.',
    severalLines:
      '{what} contient plusieurs lignes sans « cmi.suspend_data » : collez la valeur seule, ou la page « Détails du suivi » de la tentative dans Moodle (qui la nomme).',
    notZip: '« {path} » n’est pas un zip lisible ({reason}).',
    badFormat: 'Format de sortie inconnu « {format} » : text ou json.',
    badScorm: 'Version SCORM inconnue « {scorm} » : scorm12 ou scorm2004.',
    courseNotFound: 'Formation introuvable : {path} (un dossier de formation ou un paquet .zip).',
    courseNotParcours: '« {path} » ne contient pas de formation parcours (aucune page SCO avec ses données).',
    courseErrors: 'La formation {path} a des erreurs : corrigez-les (parcours check) pour l’inspecter.',
    unknownSco: 'SCO « {sco} » inconnu dans cette formation ; SCO disponibles : {known}.',
    zipWithCourse: '--course ne sert qu’à lire un état ; un paquet se résume seul.',
    stdin: 'l’entrée standard',
  },
  en: {
    missing: 'What should be inspected? Give a state (cmi.suspend_data), a file that holds it, or a .zip package.',
    notFound: 'File not found: {path}.',
    isFolder: '"{path}" is a folder. inspect reads a state (cmi.suspend_data), a file that holds it or a .zip package; give the course with --course {path}.',
    unreadable: 'Cannot read {path} ({reason}).',
    empty: 'Nothing to read: {what} is empty.',
    severalLines: '{what} has several lines and no "cmi.suspend_data": paste the value alone, or Moodle’s "Track details" page of the attempt (which names it).',
    notZip: '"{path}" is not a readable zip ({reason}).',
    badFormat: 'Unknown output format "{format}": text or json.',
    badScorm: 'Unknown SCORM version "{scorm}": scorm12 or scorm2004.',
    courseNotFound: 'Course not found: {path} (a course folder or a .zip package).',
    courseNotParcours: '"{path}" holds no parcours course (no SCO page with its data).',
    courseErrors: 'The course {path} has errors: fix them (parcours check) to inspect against it.',
    unknownSco: 'Unknown SCO "{sco}" in this course; SCOs: {known}.',
    zipWithCourse: '--course only serves to read a state; a package is summarised on its own.',
    stdin: 'standard input',
  },
})

export const inspect: Command = {
  name: 'inspect',
  summary: {
    fr: 'lit l’état d’un apprenant (cmi.suspend_data) ou résume un paquet SCORM',
    en: 'reads a learner’s state (cmi.suspend_data) or summarises a SCORM package',
  },
  usage: { fr: 'parcours inspect <état | fichier | paquet.zip> [options]', en: 'parcours inspect <state | file | package.zip> [options]' },
  details: {
    fr: [
      'Un état : collé tel quel (entre apostrophes), ou « - » pour l’entrée standard, ou un fichier qui le contient',
      '(la page « Détails du suivi » d’une tentative dans Moodle, copiée, enregistrée ou téléchargée).',
      'Avec --course, l’état est lu comme le paquet le lirait : pages vues, réponses justes ou fausses, tentatives,',
      'temps, et ce qui ne correspond plus à la formation. Un paquet .zip : version SCORM, SCO, seuil, fichiers,',
      'validité (schémas officiels et lecture de Moodle), et pour un paquet parcours, la formation et la taille',
      'maximale de l’état. Code de sortie 1 si le paquet a un problème à corriger avant de le déposer.',
      'Exemple : parcours inspect "2.Qx81Tb|cK2fa|t754" --course ma-formation',
    ].join('\n'),
    en: [
      'A state: pasted as is (in quotes), or "-" for standard input, or a file that holds it',
      '(Moodle’s "Track details" page of an attempt, copied, saved or downloaded).',
      'With --course, the state is read as the package would read it: pages seen, right or wrong answers, attempts,',
      'time, and what no longer matches the course. A .zip package: SCORM version, SCOs, pass mark, files,',
      'validity (official schemas and Moodle’s reading), and for a parcours package, the course and the largest',
      'state it can write. Exit code 1 when the package has a problem to fix before depositing it.',
      'Example: parcours inspect "2.Qx81Tb|cK2fa|t754" --course my-course',
    ].join('\n'),
  },
  options: {
    course: {
      type: 'string',
      value: { fr: '<dossier|paquet.zip>', en: '<folder|package.zip>' },
      help: { fr: 'la formation contre laquelle lire l’état', en: 'the course to read the state against' },
    },
    sco: {
      type: 'string',
      value: { fr: '<id>', en: '<id>' },
      help: {
        fr: 'le SCO qui a écrit l’état (un SCO par module) ; par défaut, celui qui le lit le mieux',
        en: 'the SCO that wrote the state (one SCO per module); by default, the one that reads it best',
      },
    },
    scorm: {
      type: 'string',
      value: { fr: '<scorm12|scorm2004>', en: '<scorm12|scorm2004>' },
      help: {
        fr: 'avec --course <dossier> : la version du paquet qui a écrit l’état (limite de taille), scorm12 par défaut',
        en: 'with --course <folder>: the version of the package that wrote the state (size limit), scorm12 by default',
      },
    },
    format: {
      type: 'string',
      value: { fr: '<text|json>', en: '<text|json>' },
      help: { fr: 'text (défaut) ou json', en: 'text (default) or json' },
    },
  },
  maxPositionals: 1,
  run,
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
/** A word that names a file rather than a state: refused with "not found" when it does not exist. */
const LOOKS_LIKE_FILE = /\.(zip|txt|csv|tsv|html?|json|xml)$/i

async function run(context: CommandContext): Promise<number> {
  const { lang, values, positionals, io } = context
  const format = typeof values.format === 'string' ? values.format : 'text'
  if (format !== 'text' && format !== 'json') throw new UsageError(say(lang, 'badFormat', { format }))
  const given = positionals[0]
  if (given === undefined || given === '') throw new UsageError(say(lang, 'missing'))
  const input = await readInput(given, context)
  const style = styleFor(io)

  if (input.kind === 'zip') {
    if (typeof values.course === 'string') throw new UsageError(say(lang, 'zipWithCourse'))
    const { unzipPackage, summarisePackage } = await import('../../inspect/package-summary.js')
    const { packageText, packageHasProblems } = await import('../../inspect/report-text.js')
    const unzipped = await unzipPackage(input.bytes)
    if ('reason' in unzipped) throw new UsageError(say(lang, 'notZip', { path: given, reason: unzipped.reason }))
    const summary = await summarisePackage(input.bytes, unzipped.files)
    const failed = packageHasProblems(summary)
    if (format === 'json') {
      const { parcours, ...rest } = summary
      const json = { kind: 'package', file: basename(input.path), ok: !failed, ...rest, parcours: parcours ? { ...parcours, data: undefined } : null }
      io.stdout(`${JSON.stringify(json, null, 2)}\n`)
    } else {
      const text = packageText(basename(input.path), summary, lang)
      io.stdout(failed ? text.replace(/^[^\n]*/, (head) => style.red(head)) : text)
    }
    return failed ? EXIT.courseErrors : EXIT.ok
  }

  const { findState } = await import('../../inspect/find-state.js')
  const found = findState(input.text)
  const what = input.path === '-' ? say(lang, 'stdin') : given
  if (!found.ok) throw new UsageError(say(lang, found.reason === 'empty' ? 'empty' : 'severalLines', { what }))
  let scos = typeof values.course === 'string' ? await courseScos(values.course, context) : []
  if (scos === null) return EXIT.courseErrors
  if (typeof values.sco === 'string') {
    const chosen = scos.filter((s) => s.scoId === values.sco)
    if (chosen.length === 0) throw new UsageError(say(lang, 'unknownSco', { sco: values.sco, known: scos.map((s) => s.scoId).join(', ') || '—' }))
    scos = chosen
  }
  const { inspectState } = await import('../../inspect/inspect-state.js')
  const inspection = inspectState(found.value, scos)
  if (format === 'json') io.stdout(`${JSON.stringify({ kind: 'state', ...inspection }, null, 2)}\n`)
  else io.stdout((await import('../../inspect/report-text.js')).stateText(inspection, lang))
  return EXIT.ok
}

type Input = { kind: 'zip'; path: string; bytes: Uint8Array } | { kind: 'text'; path: string; text: string }

/** The argument as a zip, a text file, standard input, or the state itself. */
async function readInput(given: string, { lang, io }: CommandContext): Promise<Input> {
  if (given === '-') return { kind: 'text', path: '-', text: io.stdin ? await io.stdin() : '' }
  const path = resolve(io.cwd, given)
  const info = await stat(path).catch(() => undefined)
  if (info?.isDirectory()) throw new UsageError(say(lang, 'isFolder', { path: given }))
  if (!info) {
    if (LOOKS_LIKE_FILE.test(given)) throw new UsageError(say(lang, 'notFound', { path: given }))
    return { kind: 'text', path: '', text: given }
  }
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(say(lang, 'unreadable', { path: given, reason: e.code ?? e.message }))
  })
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b) || /\.zip$/i.test(given)) return { kind: 'zip', path, bytes }
  return { kind: 'text', path, text: bytes.toString('utf8') }
}

/** The SCOs of the course given with --course (a folder compiled in memory, or a parcours zip); null after printing its errors. */
async function courseScos(given: string, { lang, values, io }: CommandContext): Promise<ScoData[] | null> {
  const path = resolve(io.cwd, given)
  const info = await stat(path).catch(() => undefined)
  if (!info) throw new UsageError(say(lang, 'courseNotFound', { path: given }))
  if (info.isFile()) {
    const { unzipPackage, parcoursScos } = await import('../../inspect/package-summary.js')
    const unzipped = await unzipPackage(await readFile(path))
    if ('reason' in unzipped) throw new UsageError(say(lang, 'notZip', { path: given, reason: unzipped.reason }))
    const scos = parcoursScos(unzipped.files)
    if (scos.length === 0) throw new UsageError(say(lang, 'courseNotParcours', { path: given }))
    return scos
  }
  const scorm = typeof values.scorm === 'string' ? values.scorm : 'scorm12'
  if (scorm !== 'scorm12' && scorm !== 'scorm2004') throw new UsageError(say(lang, 'badScorm', { scorm }))
  const api = await import('../../index.js')
  const builtins = await api.readBuiltins()
  let errors: import('../../index.js').Diagnostic[] = []
  let analysis: ReturnType<typeof api.analyse> | undefined
  try {
    analysis = api.analyse(await api.readTree(path, { strings: builtins.strings }), builtins, [scorm as ScormVersion])
    errors = analysis.diagnostics.filter((d) => d.severity === 'error')
  } catch (e) {
    // The folder itself cannot be read as a course (no course.yml, unreadable files): its diagnostics.
    if (!(e instanceof api.CompileError)) throw e
    errors = e.diagnostics
  }
  if (!analysis?.packages[0] || errors.length > 0) {
    for (const d of errors) io.stderr(`${api.formatDiagnostic(d, lang)}\n`)
    io.stderr(`${styleFor(io).red(say(lang, 'courseErrors', { path: given }))}\n`)
    return null
  }
  return analysis.packages[0].scos.map((s) => s.data)
}
