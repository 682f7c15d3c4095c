/**
 * Opt-in (`npm run test:moodle-exports`, also part of `npm run test:third-party`): the export readers
 * and the decisions on the real Moodle 4.5 downloads of ../shared/samples/moodle-exports (en and fr,
 * not in the repository; PARCOURS_MOODLE_EXPORTS to point elsewhere). The expected decision per
 * learner is derived by hand from the files and their README (pass grade 80 on both activities).
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decide, type Decision } from '../../src/certify/decide.js'
import { readExport } from '../../src/certify/exports/read.js'
import { CertifyError } from '../../src/certify/problems.js'

const DIR = resolve(process.env.PARCOURS_MOODLE_EXPORTS ?? resolve(import.meta.dirname, '../../../shared/samples/moodle-exports'))
if (!existsSync(join(DIR, 'en', '_manifest.json'))) {
  throw new Error(
    `Moodle exports not found in ${DIR}: these tests read the real Moodle 4.5 downloads, which are not in the repository. Set PARCOURS_MOODLE_EXPORTS=/path/to/moodle-exports (the folder with en/ and fr/).`,
  )
}
const M1 = 'Module 1 – Golf : règles & étiquette (SCORM 1.2)'
const M2 = 'Module 2 – Golf : handicap & score (SCORM 2004)'
const TZ = 'Europe/Paris'

/** A SCORM report does not name its activity: give it the file name Moodle gave it (from _manifest.json). */
async function asDownloaded(lang: string, file: string): Promise<string> {
  const manifest = JSON.parse(readFileSync(join(DIR, lang, '_manifest.json'), 'utf8')) as { file: string; contentDisposition: string }[]
  const name = /filename="?([^"]+)"?/.exec(manifest.find((m) => m.file === file)!.contentDisposition)![1]!
  const dir = await mkdtemp(join(tmpdir(), 'moodle-'))
  await symlink(join(DIR, lang, file), join(dir, name))
  return join(dir, name)
}

async function read(lang: string, file: string) {
  const path = file.startsWith('scorm-') ? await asDownloaded(lang, file) : join(DIR, lang, file)
  const activity = file.includes('_m1') ? M1 : file.includes('_m2') ? M2 : undefined
  return readExport(path, { timeZone: TZ, display: `${lang}/${file}`, ...(activity && { scormActivity: activity }) })
}

const summary = (decisions: Decision[]) =>
  Object.fromEntries(
    decisions.map((d) => [
      d.learner.email.split('@')[0],
      d.kind === 'eligible' ? `eligible ${d.completedAt.toISOString()}` : d.reasons.map((r) => `${r.code}${r.activity ? `:${r.activity.slice(0, 8)}` : ''}`).join(' '),
    ]),
  )

describe('real Moodle 4.5 exports', () => {
  for (const lang of ['en', 'fr']) {
    it(`${lang}: every flavour of each report reads the same`, async () => {
      const progress = await read(lang, 'activity-completion_progress.csv')
      const excel = await read(lang, 'activity-completion_progress_excel.csv')
      expect(excel.encoding).toBe('utf-16le')
      expect([...excel.learners.values()]).toEqual([...progress.learners.values()])
      expect([...progress.activities.values()]).toEqual([M1, M2])
      expect(progress.learners.size).toBe(8)
      const cc = await read(lang, 'course-completion.csv')
      expect([...(await read(lang, 'course-completion_excel.csv')).learners.values()]).toEqual([...cc.learners.values()])
      const comma = await read(lang, 'grades_txt_comma.csv')
      const semi = await read(lang, 'grades_txt_semicolon_real-pct-letter.csv')
      expect([...semi.learners.values()].map((l) => [l.email, [...l.activities.values()]])).toEqual([...comma.learners.values()].map((l) => [l.email, [...l.activities.values()]]))
      for (const f of [progress, cc, comma, semi]) expect(f.rejected).toEqual([])
      expect(comma.learners.get('helene.dubois@ac-exemple.fr')!.name).toBe('Hélène Dubois, épouse Marchand')
      expect(comma.learners.get('marie-antoinette.delatour@ac-exemple.fr')!.name).toBe(
        "Marie-Antoinette Éléonore Bénédicte de La Tour d'Auvergne-Lauraguais de Saint-Exupéry-Montmorency",
      )
      const basic = await read(lang, 'scorm-basic_m1_scorm12.txt')
      const detailed = await read(lang, 'scorm-basic_m1_scorm12_detailed.txt')
      expect([...detailed.learners.values()]).toEqual([...basic.learners.values()])
      expect([...basic.learners.get('helene.dubois@ac-exemple.fr')!.activities.values()][0]).toMatchObject({ attempts: 2, bestScore: 87 })
      expect([...basic.learners.get('come.benoit@ac-exemple.fr')!.activities.values()][0]).toEqual({ attempts: 0, bestScore: null })
      // 13:07 in Paris on 29 November (CET) is 12:07 UTC.
      expect([...basic.learners.get('zoe.lefevre@ac-exemple.fr')!.activities.values()][0]!.startedAt?.toISOString()).toBe('2026-11-29T12:07:00.000Z')
    })

    it(`${lang}: decisions per learner (activities complete and passed, grade ≥ 80)`, async () => {
      const files = await Promise.all(
        ['activity-completion_progress.csv', 'grades_txt_comma.csv', 'scorm-basic_m1_scorm12.txt', 'scorm-basic_m2_scorm2004.txt'].map((f) => read(lang, f)),
      )
      expect(summary(decide(files, { activities: [M1, M2], course: false, minGrade: 80 }).decisions)).toEqual({
        'come.benoit': 'never-launched:Module 1 never-launched:Module 2',
        'helene.dubois': 'not-complete:Module 2',
        'jean-noel.dupont-aissa': 'eligible 2026-11-29T12:09:51.000Z',
        // 80 = the pass grade: passes.
        'noemie.leblanc-gauthier': 'eligible 2026-11-29T12:10:11.000Z',
        'zoe.lefevre': 'eligible 2026-11-29T12:10:57.000Z',
        'maelle.oconnor': 'not-complete:Module 1 not-passed:Module 2',
        // "Completed (did not achieve pass grade)" is not a pass, whatever the SCO said.
        'marie-antoinette.delatour': 'not-passed:Module 1 not-passed:Module 2',
        // An incomplete attempt scored 0 on m1 (not a grade), never launched m2.
        'elodie.oeuvray': 'not-complete:Module 1 never-launched:Module 2',
      })
      const course = decide([await read(lang, 'course-completion.csv')], { activities: [], course: true })
      expect(course.decisions.filter((d) => d.kind === 'eligible').map((d) => d.learner.email.split('@')[0])).toEqual([
        'jean-noel.dupont-aissa',
        'noemie.leblanc-gauthier',
        'zoe.lefevre',
      ])
    })

    it(`${lang}: the interactions report is refused`, async () => {
      const e = await read(lang, 'scorm-interactions_m1_scorm12.txt').catch((x: unknown) => x)
      expect(e).toBeInstanceOf(CertifyError)
      expect((e as CertifyError).problems[0]).toMatchObject({ code: 'export/interactions-report', line: 1 })
    })
  }
})
