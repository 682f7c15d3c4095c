/**
 * `parcours inspect`'s reports in words, French or English: a learner's state for the support
 * team answering « j'ai perdu ma progression », and a package's summary. Pure: returns the text.
 */
import { fill } from '../shared/fill.js'
import type { Lang } from '../shared/sco-data.js'
import type { DropReason, StateVerdict } from '../shared/state-codec.js'
import type { StateInspection } from './inspect-state.js'
import { problemText } from './package-check.js'
import type { PackageSummary } from './package-summary.js'

const WORDS = {
  fr: {
    stateHead: 'État d’un apprenant (cmi.suspend_data) : {size} caractères.',
    'kind-empty': 'Vide : rien n’a été enregistré (premier lancement).',
    'kind-ours': 'Format parcours, version {version}, intact.',
    'kind-newer': 'Format parcours, version {version}, plus récent que ce parcours : mettez parcours à jour pour le lire. Le paquet qui l’a écrit le garde tel quel.',
    'kind-damaged':
      'Format parcours, version {version}, abîmé : la somme de contrôle ne correspond pas (texte tronqué ou modifié). Le paquet ne l’écrase pas, il le garde tel quel.',
    'kind-not-ours': 'Ce n’est pas un état écrit par parcours : il vient d’un autre outil, et parcours ne devine pas ce qu’il contient.',
    holds: 'Contenu : {time} de temps passé, {interactions} interaction(s) écrite(s), {pages} page(s) vue(s), {answers} réponse(s), {assessments} évaluation(s).',
    noCourse: 'Pour le détail (pages, réponses justes ou fausses), donnez la formation : --course <dossier ou paquet.zip>.',
    against: 'Lu contre la formation « {course} » version « {version} », SCO « {sco} » ({title}) :',
    otherCourse: 'Attention : cet état a été écrit par une autre formation (clé {key}, celle-ci a la clé {own}).',
    'verdict-empty': 'Verdict : vide, rien à reprendre.',
    'verdict-readable': 'Verdict : lisible en entier, tout est repris.',
    'verdict-partial': 'Verdict : lisible en partie, {count} partie(s) non reprise(s) (détail plus bas).',
    'verdict-foreign': 'Verdict : état d’une autre formation, ignoré entièrement (temps compris) ; le paquet ne l’écrase pas.',
    'verdict-newer': 'Verdict : écrit par une version plus récente du format ; le paquet le garde tel quel et demande d’ouvrir la dernière version.',
    'verdict-unreadable': 'Verdict : illisible (tronqué, modifié ou d’un autre outil) ; le paquet le garde tel quel et ne l’écrase pas.',
    writable: 'À la prochaine ouverture, le paquet reprend ce qui est lisible et enregistre la suite.',
    updated: 'Écrit par une autre version de la formation : à la prochaine ouverture, l’apprenant est averti (une fois) de la mise à jour, son résultat est conservé.',
    notWritable:
      'À la prochaine ouverture, le paquet n’écrit pas par-dessus : l’apprenant travaille sans que ses nouvelles réponses soient enregistrées dans Moodle, et en est averti.',
    size: 'Taille : {size} caractères sur {limit} permis ({percent} %).',
    time: 'Temps passé : {time}.',
    pages: 'Pages vues : {seen} sur {total}.',
    page: '  {mark} {id} — {title}',
    answers: 'Réponses : {count}.',
    answer: '  {id} ({kind}) : {chosen} — {verdict}',
    graded: 'notée',
    check: 'vérification',
    checked: 'vérifiée',
    'v-correct': 'juste',
    'v-partial': 'en partie juste',
    'v-wrong': 'fausse',
    assessments: 'Évaluations :',
    assessment: '  {id} « {title} » : tentative {attempt}, {state}{best}',
    submitted: 'soumise, {points} point(s) sur {total} ({score} / 100, {verdict})',
    open: 'en cours (pas encore soumise)',
    openAfter: 'en cours ; tentative précédente : {points} point(s) sur {total}',
    best: ' ; meilleur résultat : {best} point(s)',
    outcome: 'Résultat d’après cet état : {completion} ; {score}. Moodle peut garder un résultat meilleur d’une session passée, jamais un moins bon.',
    complete: 'terminé',
    incomplete: 'pas terminé',
    scored: 'score {score} / 100, seuil {passing} : {verdict}',
    noScore: 'pas encore de score (toutes les évaluations ne sont pas soumises)',
    passed: 'réussi',
    failed: 'non réussi',
    'p-page': 'page',
    'p-answer': 'réponse',
    'p-assessment': 'évaluation',
    'p-section': 'partie',
    dropped: 'Non repris :',
    drop: '  {part}{id} : {reason}',
    'r-removed': 'n’existe plus dans la formation',
    'r-changed': 'la question a changé depuis (réponses reformulées) : la réponse n’est pas réinterprétée',
    'r-invalid': 'la réponse ne correspond plus aux choix de la question',
    'r-unknown-section': 'partie inconnue de ce parcours (écrite par une version plus récente ?)',
    'r-malformed': 'écriture non conforme au format',
    hours: '{h} h {m} min',
    minutes: '{m} min {s} s',
    seconds: '{s} s',
    pkgHead: 'Paquet {file} : {version}.',
    noVersion: 'version SCORM inconnue',
    sizes: 'Taille : {zip} compressé, {unpacked} décompressé, {files} fichier(s).',
    refused: 'Import dans Moodle : refusé. {reason}',
    accepted: 'Import dans Moodle : accepté (manifeste lu comme Moodle 4.5 le lit).',
    schemaOk: 'Schémas officiels ({set}) : valide.',
    schemaBad: 'Schémas officiels ({set}) : non valide, {count} erreur(s) :',
    problemsNone: 'Contrôles plus stricts que les schémas (Moodle) : aucun problème.',
    problems: 'Contrôles plus stricts que les schémas (Moodle) : {count} problème(s) :',
    unlisted: '{count} fichier(s) du zip absent(s) du manifeste (à lister, mais Moodle les sert quand même) : {files}',
    scos: 'SCO lançables : {count}.',
    sco: '  {id} « {title} » → {launch}{missing}{mastery}',
    launchMissing: ' (fichier absent du zip !)',
    mastery12: ', seuil de réussite {value}',
    mastery2004: ', seuil de réussite {value} (échelle 0–1)',
    parcours: 'Formation parcours « {course} », version « {version} », langue {lang} :',
    parcoursSco:
      '  SCO {id} « {title} » : {pages} page(s), {questions} question(s) dont {graded} notée(s), seuil {passing} ; état au pire {worst} caractères sur {limit} ({percent} %){over}',
    over: ' — DÉPASSE LA LIMITE',
    notParcours: 'Ce paquet n’a pas été fabriqué par parcours (ou par une version trop ancienne) : pas de détail de formation.',
    more: '  … et {count} de plus',
  },
  en: {
    stateHead: 'A learner’s state (cmi.suspend_data): {size} characters.',
    'kind-empty': 'Empty: nothing was saved (first launch).',
    'kind-ours': 'parcours format, version {version}, intact.',
    'kind-newer': 'parcours format, version {version}, newer than this parcours: update parcours to read it. The package that wrote it keeps it as it is.',
    'kind-damaged': 'parcours format, version {version}, damaged: the checksum does not match (cut or altered text). The package does not overwrite it; it keeps it as it is.',
    'kind-not-ours': 'This is not a state written by parcours: it comes from another tool, and parcours does not guess what it holds.',
    holds: 'Holds: {time} spent, {interactions} interaction(s) written, {pages} page(s) seen, {answers} answer(s), {assessments} assessment(s).',
    noCourse: 'For the details (pages, right or wrong answers), give the course: --course <folder or package.zip>.',
    against: 'Read against course "{course}" version "{version}", SCO "{sco}" ({title}):',
    otherCourse: 'Warning: this state was written by another course (key {key}; this one’s key is {own}).',
    'verdict-empty': 'Verdict: empty, nothing to resume.',
    'verdict-readable': 'Verdict: fully readable, everything is resumed.',
    'verdict-partial': 'Verdict: partly readable, {count} part(s) not resumed (details below).',
    'verdict-foreign': 'Verdict: another course’s state, ignored entirely (time included); the package does not overwrite it.',
    'verdict-newer': 'Verdict: written by a newer version of the format; the package keeps it as it is and asks to open the latest version.',
    'verdict-unreadable': 'Verdict: unreadable (cut, altered or another tool’s); the package keeps it as it is and does not overwrite it.',
    writable: 'At the next launch, the package resumes what is readable and saves what follows.',
    updated: 'Written by another version of the course: at the next launch, the learner is told (once) that it was updated, and their result is kept.',
    notWritable: 'At the next launch, the package does not write over it: the learner works without their new answers being saved in Moodle, and is told so.',
    size: 'Size: {size} characters of {limit} allowed ({percent} %).',
    time: 'Time spent: {time}.',
    pages: 'Pages seen: {seen} of {total}.',
    page: '  {mark} {id} — {title}',
    answers: 'Answers: {count}.',
    answer: '  {id} ({kind}): {chosen} — {verdict}',
    graded: 'graded',
    check: 'knowledge check',
    checked: 'checked',
    'v-correct': 'right',
    'v-partial': 'partly right',
    'v-wrong': 'wrong',
    assessments: 'Assessments:',
    assessment: '  {id} "{title}": attempt {attempt}, {state}{best}',
    submitted: 'submitted, {points} point(s) of {total} ({score} / 100, {verdict})',
    open: 'in progress (not submitted yet)',
    openAfter: 'in progress; previous attempt: {points} point(s) of {total}',
    best: '; best result: {best} point(s)',
    outcome: 'Result from this state: {completion}; {score}. Moodle may keep a better result from an earlier session, never a worse one.',
    complete: 'completed',
    incomplete: 'not completed',
    scored: 'score {score} / 100, pass mark {passing}: {verdict}',
    noScore: 'no score yet (not every assessment is submitted)',
    passed: 'passed',
    failed: 'failed',
    'p-page': 'page',
    'p-answer': 'answer',
    'p-assessment': 'assessment',
    'p-section': 'part',
    dropped: 'Not resumed:',
    drop: '  {part}{id}: {reason}',
    'r-removed': 'no longer in the course',
    'r-changed': 'the question changed since (reworded answers): the answer is not reinterpreted',
    'r-invalid': 'the answer no longer fits the question’s choices',
    'r-unknown-section': 'a part this parcours does not know (written by a newer version?)',
    'r-malformed': 'does not follow the format',
    hours: '{h} h {m} min',
    minutes: '{m} min {s} s',
    seconds: '{s} s',
    pkgHead: 'Package {file}: {version}.',
    noVersion: 'unknown SCORM version',
    sizes: 'Size: {zip} zipped, {unpacked} unpacked, {files} file(s).',
    refused: 'Moodle import: refused. {reason}',
    accepted: 'Moodle import: accepted (manifest read as Moodle 4.5 reads it).',
    schemaOk: 'Official schemas ({set}): valid.',
    schemaBad: 'Official schemas ({set}): not valid, {count} error(s):',
    problemsNone: 'Checks stricter than the schemas (Moodle): no problem.',
    problems: 'Checks stricter than the schemas (Moodle): {count} problem(s):',
    unlisted: '{count} file(s) in the zip not in the manifest (they should be listed, but Moodle serves them anyway): {files}',
    scos: 'Launchable SCOs: {count}.',
    sco: '  {id} "{title}" → {launch}{missing}{mastery}',
    launchMissing: ' (file missing from the zip!)',
    mastery12: ', pass mark {value}',
    mastery2004: ', pass mark {value} (0–1 scale)',
    parcours: 'parcours course "{course}", version "{version}", language {lang}:',
    parcoursSco:
      '  SCO {id} "{title}": {pages} page(s), {questions} question(s), {graded} graded, pass mark {passing}; worst-case state {worst} characters of {limit} ({percent} %){over}',
    over: ' — OVER THE LIMIT',
    notParcours: 'This package was not built by parcours (or by a version too old): no course details.',
    more: '  … and {count} more',
  },
} as const

type Key = keyof (typeof WORDS)['fr']

/** Lists longer than this are cut (schema errors of a third-party manifest can run to hundreds). */
const MAX_LISTED = 20

function words(lang: Lang) {
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 })
  const n = (value: number): string => number.format(value)
  const say = (key: Key, params: Record<string, string | number> = {}): string =>
    fill(WORDS[lang][key], Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? n(v) : v])))
  const duration = (seconds: number): string => {
    const h = Math.floor(seconds / 3600)
    const m = Math.floor((seconds % 3600) / 60)
    if (h > 0) return say('hours', { h, m })
    if (m > 0) return say('minutes', { m, s: seconds % 60 })
    return say('seconds', { s: seconds })
  }
  const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0)
  const bytes = (size: number): string =>
    size < 1024 ? `${n(size)} o` : size < 1024 * 1024 ? `${n(Math.round(size / 102.4) / 10)} Ko` : `${n(Math.round(size / 104857.6) / 10)} Mo`
  const list = (lines: string[]): string[] => (lines.length > MAX_LISTED ? [...lines.slice(0, MAX_LISTED), say('more', { count: lines.length - MAX_LISTED })] : lines)
  return { say, duration, percent, list, bytes: lang === 'fr' ? bytes : (size: number) => bytes(size).replace(/ o$/, ' B').replace(/ Ko$/, ' KB').replace(/ Mo$/, ' MB') }
}

/** A learner's state, in words. */
export function stateText(inspection: StateInspection, lang: Lang): string {
  const { say, duration, percent, list } = words(lang)
  const { outline } = inspection
  const out = [say('stateHead', { size: inspection.size }), say(`kind-${outline.kind}`, { version: outline.version })]
  if (outline.kind === 'ours')
    out.push(say('holds', { time: duration(outline.time), interactions: outline.interactions, pages: outline.pages, answers: outline.answers, assessments: outline.assessments }))
  const course = inspection.course
  if (!course) {
    if (outline.kind === 'ours') out.push(say('noCourse'))
    return out.join('\n') + '\n'
  }
  const r = course.report
  out.push('', say('against', { course: course.courseId, version: course.courseVersion, sco: course.sco.id, title: course.sco.title }))
  out.push(say(`verdict-${r.verdict}` as `verdict-${StateVerdict}`, { count: r.dropped.length }))
  if (r.verdict !== 'empty') out.push(say(r.writable ? 'writable' : 'notWritable'))
  if (r.updated) out.push(say('updated'))
  out.push(say('size', { size: r.size, limit: r.limit, percent: percent(r.size, r.limit) }))
  if (r.verdict !== 'readable' && r.verdict !== 'partial') return out.join('\n') + '\n'
  out.push(say('time', { time: duration(r.timeSeconds) }))
  const o = r.outcome
  out.push(
    say('outcome', {
      completion: say(o.complete ? 'complete' : 'incomplete'),
      score: o.score === null ? say('noScore') : say('scored', { score: o.score, passing: o.passingScore, verdict: say(o.passed ? 'passed' : 'failed') }),
    }),
  )
  out.push(say('pages', { seen: r.pages.filter((p) => p.seen).length, total: r.pages.length }))
  for (const p of r.pages) out.push(say('page', { mark: p.seen ? '[x]' : '[ ]', id: p.id, title: p.title }))
  out.push(say('answers', { count: r.answers.length }))
  for (const a of r.answers)
    out.push(
      say('answer', {
        id: a.id,
        kind: a.scored ? say('graded') : a.checked ? `${say('check')}, ${say('checked')}` : say('check'),
        chosen: a.chosen.map((c) => (lang === 'fr' ? `« ${c} »` : `"${c}"`)).join(', '),
        verdict: say(`v-${a.verdict}`),
      }),
    )
  if (r.assessments.length) {
    out.push(say('assessments'))
    for (const a of r.assessments)
      out.push(
        say('assessment', {
          id: a.moduleId,
          title: a.title,
          attempt: a.attempt,
          state: a.submitted
            ? say('submitted', { points: a.points ?? 0, total: a.total, score: a.score ?? 0, verdict: say(a.passed ? 'passed' : 'failed') })
            : a.points !== null
              ? say('openAfter', { points: a.points, total: a.total })
              : say('open'),
          best: a.best !== null && a.points !== null && a.best > a.points ? say('best', { best: a.best }) : '',
        }),
      )
  }
  if (r.dropped.length) {
    out.push(say('dropped'))
    out.push(...list(r.dropped.map((d) => say('drop', { part: partWords(d.part, say), id: d.id ? ` (${d.id})` : '', reason: say(`r-${d.reason}` as `r-${DropReason}`) }))))
  }
  return out.join('\n') + '\n'
}

/** `answer k3Jx` in the reader's language (the key stays: it is what the state holds). */
function partWords(part: string, say: (key: Key) => string): string {
  const space = part.indexOf(' ')
  const kind = part.slice(0, space)
  return kind === 'page' || kind === 'answer' || kind === 'assessment' || kind === 'section' ? `${say(`p-${kind}`)}${part.slice(space)}` : part
}

/** A package's summary, in words. */
export function packageText(file: string, s: PackageSummary, lang: Lang): string {
  const { say, percent, list, bytes } = words(lang)
  const version = s.version === null ? say('noVersion') : `SCORM ${s.version === 'scorm12' ? '1.2' : '2004'}${s.schemaVersion ? ` (schemaversion « ${s.schemaVersion} »)` : ''}`
  const out = [say('pkgHead', { file, version: lang === 'fr' ? version : version.replace(/« (.*) »/, '"$1"') })]
  out.push(say('sizes', { zip: bytes(s.zipBytes), unpacked: bytes(s.unpackedBytes), files: s.files }))
  if (s.refused) {
    out.push(say('refused', { reason: s.refused }))
    return out.join('\n') + '\n'
  }
  out.push(say('accepted'))
  if (s.schema) {
    out.push(s.schema.valid ? say('schemaOk', { set: s.schema.set }) : say('schemaBad', { set: s.schema.set, count: s.schema.errors.length }))
    if (!s.schema.valid) out.push(...list(s.schema.errors.map((e) => `  ${e}`)))
  }
  out.push(s.problems.length ? say('problems', { count: s.problems.length }) : say('problemsNone'))
  out.push(...list(s.problems.map((p) => `  ${problemText(p, lang)}`)))
  if (s.unlisted.length) out.push(say('unlisted', { count: s.unlisted.length, files: s.unlisted.slice(0, MAX_LISTED).join(', ') + (s.unlisted.length > MAX_LISTED ? ', …' : '') }))
  out.push(say('scos', { count: s.scos.length }))
  for (const sco of s.scos)
    out.push(
      say('sco', {
        id: sco.identifier,
        title: sco.title,
        launch: sco.launch,
        missing: sco.launchFound ? '' : say('launchMissing'),
        mastery: sco.mastery === undefined ? '' : say(s.version === 'scorm12' ? 'mastery12' : 'mastery2004', { value: sco.mastery }),
      }),
    )
  if (!s.parcours) out.push(say('notParcours'))
  else {
    out.push(say('parcours', { course: s.parcours.courseId, version: s.parcours.courseVersion, lang: s.parcours.lang }))
    for (const sco of s.parcours.scos)
      out.push(
        say('parcoursSco', {
          id: sco.scoId,
          title: sco.title,
          pages: sco.pages,
          questions: sco.questions,
          graded: sco.graded,
          passing: sco.passingScore,
          worst: sco.stateWorst,
          limit: sco.stateLimit,
          percent: percent(sco.stateWorst, sco.stateLimit),
          over: sco.stateWorst > sco.stateLimit ? say('over') : '',
        }),
      )
  }
  return out.join('\n') + '\n'
}

/** The package has something a trainer must fix before depositing it (exit code 1). */
export function packageHasProblems(s: PackageSummary): boolean {
  return (
    s.refused !== undefined ||
    s.schema?.valid === false ||
    s.problems.length > 0 ||
    s.scos.some((sco) => !sco.launchFound) ||
    (s.parcours?.scos.some((sco) => sco.stateWorst > sco.stateLimit) ?? false)
  )
}
