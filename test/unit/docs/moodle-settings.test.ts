/**
 * The README's « Déposer dans Moodle / M@gistère » tables name Moodle's settings exactly as Moodle
 * 4.5 shows them, in French and in English. This file quotes the strings from Moodle's language
 * files (the default suite has no network and no Moodle checkout), and checks every label of
 * those tables against them, French and English of the same string key side by side.
 *
 * Sources (read with the project's search tools, 2026-12):
 *  - en: Moodle 4.5.6 (Build 20250811) mod/scorm/lang/en/scorm.php and lang/en/moodle.php, as
 *    vendored in github.com/paulkennethsq1/hrsq1; labels used by mod/scorm/mod_form.php there.
 *  - fr: Moodle French language pack (AMOS export, "language 'fr', version '4.4'"),
 *    lang/fr/scorm.php and lang/fr/moodle.php, as in github.com/tessier-benjamin/moodledata.
 *    (French strings use the typographic apostrophe ’.)
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

interface MoodleString {
  component: 'scorm' | 'moodle'
  key: string
  en: string
  fr: string
}

const STRINGS: MoodleString[] = [
  { component: 'scorm', key: 'modulename', en: 'SCORM package', fr: 'Paquetage SCORM' },
  { component: 'scorm', key: 'package', en: 'Package file', fr: 'Fichier paquetage' },
  { component: 'scorm', key: 'display', en: 'Display package', fr: 'Afficher le paquetage' },
  { component: 'scorm', key: 'currentwindow', en: 'Current window', fr: 'Fenêtre courante' },
  { component: 'scorm', key: 'popup', en: 'New window', fr: 'Nouvelle fenêtre' },
  { component: 'scorm', key: 'displaycoursestructure', en: 'Display content structure on entry page', fr: 'Afficher la structure du contenu sur la page d’entrée' },
  { component: 'scorm', key: 'hidetoc', en: 'Display content structure in player', fr: 'Affichage de la structure du contenu dans le lecteur' },
  { component: 'scorm', key: 'disabled', en: 'Disabled', fr: 'Désactivé' },
  { component: 'scorm', key: 'sided', en: 'To the side', fr: 'Sur le côté' },
  { component: 'scorm', key: 'popupmenu', en: 'In a drop-down menu', fr: 'Dans un menu déroulant' },
  { component: 'scorm', key: 'nav', en: 'Show Navigation', fr: 'Afficher la navigation' },
  { component: 'scorm', key: 'undercontent', en: 'Under content', fr: 'Sous le contenu' },
  { component: 'scorm', key: 'prev', en: 'Previous', fr: 'Précédent' },
  { component: 'scorm', key: 'next', en: 'Continue', fr: 'Continuer' },
  { component: 'scorm', key: 'hidebrowse', en: 'Disable preview mode', fr: 'Désactiver le mode prévisualisation' },
  { component: 'scorm', key: 'grademethod', en: 'Grading method', fr: 'Méthode d’évaluation' },
  { component: 'scorm', key: 'gradehighest', en: 'Highest grade', fr: 'Note la plus haute' },
  { component: 'scorm', key: 'gradeaverage', en: 'Average grade', fr: 'Note moyenne' },
  { component: 'scorm', key: 'gradesum', en: 'Sum grade', fr: 'Note totale' },
  { component: 'scorm', key: 'gradescoes', en: 'Learning objects', fr: 'Objets d’apprentissage' },
  { component: 'moodle', key: 'maximumgrade', en: 'Maximum grade', fr: 'Note maximale' },
  { component: 'scorm', key: 'maximumattempts', en: 'Number of attempts', fr: 'Nombre de tentatives' },
  { component: 'scorm', key: 'nolimit', en: 'Unlimited attempts', fr: 'Tentatives illimitées' },
  { component: 'scorm', key: 'whatgrade', en: 'Attempts grading', fr: 'Évaluation des tentatives' },
  { component: 'scorm', key: 'highestattempt', en: 'Highest attempt', fr: 'Meilleure tentative' },
  { component: 'scorm', key: 'forcenewattempts', en: 'Force new attempt', fr: 'Imposer une nouvelle tentative' },
  { component: 'scorm', key: 'forceattemptalways', en: 'Always', fr: 'Toujours' },
  {
    component: 'scorm',
    key: 'forceattemptoncomplete',
    en: 'When previous attempt completed, passed or failed',
    fr: 'Lorsque la tentative précédente a été terminée, réussie ou a échoué',
  },
  { component: 'scorm', key: 'lastattemptlock', en: 'Lock after final attempt', fr: 'Verrouiller après la tentative finale' },
  { component: 'scorm', key: 'masteryoverride', en: 'Mastery score overrides status', fr: 'Le score de maîtrise remplace le statut' },
  { component: 'scorm', key: 'forcecompleted', en: 'Force completed', fr: 'Imposer de terminer' },
  { component: 'scorm', key: 'autocommit', en: 'Auto-commit', fr: 'Enregistrer automatiquement' },
  { component: 'scorm', key: 'completionstatusrequired', en: 'Require status', fr: 'Requiert un statut' },
  { component: 'scorm', key: 'completionstatus_passed', en: 'Passed', fr: 'Réussi' },
  { component: 'scorm', key: 'completionstatus_completed', en: 'Completed', fr: 'Terminé' },
  { component: 'scorm', key: 'completionstatusallscos', en: 'All SCOs must return completion status', fr: 'Tous les SCOs doivent retourner le statut d’achèvement' },
  // Shown to learners for "Passed" + "Completed" both checked: the French says "and", the code means "or".
  { component: 'scorm', key: 'completiondetail:completionstatuscompletedorpassed', en: 'Complete or pass the activity', fr: 'Terminer et réussir l’activité' },
  { component: 'scorm', key: 'totaltime', en: 'Time', fr: 'Durée' },
  { component: 'moodle', key: 'yes', en: 'Yes', fr: 'Oui' },
  { component: 'moodle', key: 'no', en: 'No', fr: 'Non' },
]

const README = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8')

/** The README section, from its heading to the next level-2 heading. */
function section(): string {
  const start = README.indexOf('\n## Déposer dans Moodle / M@gistère\n')
  expect(start, 'README section « Déposer dans Moodle / M@gistère »').toBeGreaterThan(0)
  const end = README.indexOf('\n## ', start + 1)
  return README.slice(start, end < 0 ? undefined : end)
}

/** Rows of the settings tables (header `| réglage | setting | valeur | value | pourquoi |`). */
function settingRows(text: string): string[][] {
  const rows: string[][] = []
  let inTable = false
  for (const line of text.split('\n')) {
    if (/^\| réglage \| setting \| valeur \| value \|/.test(line)) inTable = true
    else if (!line.startsWith('|')) inTable = false
    else if (inTable && !/^\|[-| ]+\|$/.test(line))
      rows.push(
        line
          .slice(1, -1)
          .split(' | ')
          .map((c) => c.trim()),
      )
  }
  return rows
}

const french = (cell: string): string[] => [...cell.matchAll(/« ([^»]+?) »/g)].map((m) => m[1]!)
const english = (cell: string): string[] => [...cell.matchAll(/"([^"]+)"/g)].map((m) => m[1]!)
const byFr = new Map(STRINGS.map((s) => [s.fr, s]))
const byEn = new Map(STRINGS.map((s) => [s.en, s]))

describe('README « Déposer dans Moodle / M@gistère »', () => {
  const rows = settingRows(section())

  it('has the three settings tables', () => {
    expect(section().match(/^\| réglage \| setting \|/gm)).toHaveLength(3)
    expect(rows.length).toBeGreaterThan(20)
  })

  it('names each setting with its Moodle string, French and English of the same key', () => {
    for (const [fr, en] of rows) {
      const [frLabel] = french(fr!)
      const [enLabel] = english(en!)
      expect(byFr.get(frLabel!)?.key, `« ${frLabel} » is not a Moodle string`).toBeDefined()
      expect(byEn.get(enLabel!)?.key, `"${enLabel}" is not a Moodle string`).toBe(byFr.get(frLabel!)?.key)
    }
  })

  it('writes each value and each quoted Moodle label as Moodle does', () => {
    for (const [, , valueFr, valueEn, why] of rows) {
      for (const label of [...french(valueFr!), ...french(why!)]) expect(byFr.has(label), `« ${label} »`).toBe(true)
      for (const label of english(valueEn!)) expect(byEn.has(label), `"${label}"`).toBe(true)
    }
  })

  it("no longer uses wordings that are not Moodle's", () => {
    for (const wrong of ['Forcer une nouvelle tentative', 'Tentative la plus haute', 'Dans la page courante', 'Achèvement : statut requis', 'Version du paquet']) {
      expect(README).not.toContain(wrong)
    }
  })

  it('quotes every Moodle string at most once per language (no typo twin)', () => {
    expect(new Set(STRINGS.map((s) => `${s.component}:${s.key}`)).size).toBe(STRINGS.length)
  })
})
