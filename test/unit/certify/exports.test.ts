/**
 * Export readers on fixture files written in Moodle 4.5's exact formats (test/fixtures/certify/exports,
 * en and fr): every flavour of a report gives the same facts, and every broken file is refused with
 * file:line:col. The real Moodle downloads are checked by the opt-in `npm run test:shared`.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readExport, type ExportFile } from '../../../src/certify/exports/read.js'
import { CertifyError } from '../../../src/certify/problems.js'
import { decide } from '../../../src/certify/decide.js'
import { temporaryDirs } from '../../helpers/cli.js'

const freshDir = temporaryDirs('certify-')
const DIR = resolve(import.meta.dirname, '../../fixtures/certify/exports')
const A1 = 'Module 1 – RGPD : droits & devoirs'
const A2 = 'Module 2 – ENT : pilotage'
const TZ = 'Europe/Paris'
/** The name Moodle gives a SCORM report download (course short name, activity name with & → amp; and : dropped). */
const SCORM_M1 = 'RGPD-ENT-2026 Module 1 – RGPD  droits amp; devoirs-20261020_1200-tab_separated.txt'

const read = (lang: string, name: string, scormActivity?: string) =>
  readExport(join(DIR, lang, name), { timeZone: TZ, display: `${lang}/${name}`, ...(scormActivity && { scormActivity }) })

async function problemOf(promise: Promise<unknown>) {
  const e = await promise.then(
    () => undefined,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(CertifyError)
  return (e as CertifyError).problems[0]!
}

function summary(f: ExportFile) {
  return [...f.learners.values()].map((l) => ({
    email: l.email,
    name: l.name,
    ...Object.fromEntries([...l.activities].map(([k, v]) => [k.slice(0, 8), { ...v, completedAt: v.completedAt?.toISOString(), startedAt: v.startedAt?.toISOString() }])),
    ...(l.courseCompletedAt !== undefined && { course: l.courseCompletedAt?.toISOString() ?? null }),
  }))
}

describe('export readers', () => {
  for (const lang of ['en', 'fr']) {
    it(`activity completion (${lang}): UTF-8 and UTF-16LE "Excel" flavours give the same facts`, async () => {
      const csv = await read(lang, 'activity-completion.csv')
      const excel = await read(lang, 'activity-completion_excel.csv')
      expect(csv.kind).toBe('activity-completion')
      expect(excel.encoding).toBe('utf-16le')
      expect(excel.delimiter).toBe('\t')
      expect(csv.lang).toBe(lang)
      expect(summary(excel)).toEqual(summary(csv))
      // HTML entities decoded in activity names.
      expect([...csv.activities.values()]).toEqual([A1, A2])
      expect(csv.learners.size).toBe(10)
      expect(csv.rejected).toMatchObject([{ code: 'row/formula', file: `${lang}/activity-completion.csv`, line: 7, column: 1 }])
      const anais = csv.learners.get('anais.martin@ac-fixture.fr')!
      // 2026-10-06 17:45:03 in Paris (CEST, UTC+2).
      expect([...anais.activities.values()].map((a) => [a.state, a.completedAt?.toISOString()])).toEqual([
        [{ complete: true, pass: true }, '2026-10-05T07:12:40.000Z'],
        [{ complete: true, pass: true }, '2026-10-06T15:45:03.000Z'],
      ])
      // "Completed (did not achieve pass grade)" is complete but failed.
      expect([...csv.learners.get('ines.garnier@ac-fixture.fr')!.activities.values()][0]!.state).toEqual({ complete: true, pass: false })
      // The progress CSV turns " into '.
      expect(csv.learners.get('emile.roux@ac-fixture.fr')!.name).toBe("Émile 'Milou' Roux")
    })

    it(`course completion (${lang}): plain and BOM flavours, course completion date`, async () => {
      const plain = await read(lang, 'course-completion.csv')
      const bom = await read(lang, 'course-completion_excel.csv')
      expect(plain.kind).toBe('course-completion')
      expect(summary(bom)).toEqual(summary(plain))
      expect(plain.learners.get('emile.roux@ac-fixture.fr')!.name).toBe('Émile "Milou" Roux')
      expect(plain.learners.get('chloe.ndiaye@ac-fixture.fr')!.courseCompletedAt?.toISOString()).toBe('2026-10-09T06:05:59.000Z')
      expect(plain.learners.get('dimitri.oehlenschlager@ac-fixture.fr')!.courseCompletedAt).toBeNull()
    })

    it(`gradebook (${lang}): comma and semicolon (with % and letter columns) give the same grades`, async () => {
      const comma = await read(lang, 'grades_comma.csv')
      const semi = await read(lang, 'grades_semicolon.csv')
      expect(comma.kind).toBe('gradebook')
      expect(semi.delimiter).toBe(';')
      expect(summary(semi)).toEqual(summary(comma))
      expect([...comma.activities.values()]).toEqual([A1, A2])
      const grades = (email: string) => [...comma.learners.get(email)!.activities.values()].map((a) => a.grade)
      expect(grades('dimitri.oehlenschlager@ac-fixture.fr')).toEqual([79.5, 95])
      expect(grades('gaston.lamarre@ac-fixture.fr')).toEqual([null, null])
      expect(comma.learners.get('bruno.lefort@ac-fixture.fr')!.name).toBe('Bruno Lefort, dit « Bruno »')
      expect(comma.rejected).toMatchObject([{ code: 'row/formula', column: 1 }])
    })

    it(`SCORM basic report (${lang}): attempts, best score, first start, never launched`, async () => {
      const basic = await read(lang, SCORM_M1, A1)
      expect(basic.kind).toBe('scorm-basic')
      const fact = (email: string) => [...basic.learners.get(email)!.activities.values()][0]!
      expect(fact('chloe.ndiaye@ac-fixture.fr')).toEqual({ attempts: 2, bestScore: 80, startedAt: new Date('2026-10-08T11:00:00Z') })
      expect(fact('gaston.lamarre@ac-fixture.fr')).toEqual({ attempts: 0, bestScore: null })
      expect(fact('hugo.vidal@ac-fixture.fr')).toMatchObject({ attempts: 1, bestScore: 0 })
      expect(fact('mj.larochefoucauld@ac-fixture.fr').startedAt?.toISOString()).toBe('2026-10-17T21:50:00.000Z')
    })
  }

  it('decides per learner: complete AND passed, minimum grade, never launched, names as printed', async () => {
    const files = await Promise.all([read('fr', 'activity-completion.csv'), read('en', 'grades_comma.csv'), read('fr', SCORM_M1, A1)])
    const { decisions, rejected } = decide(files, { activities: [A1, A2], course: false, minGrade: 80 })
    const byEmail = Object.fromEntries(
      decisions.map((d) => [
        d.learner.email.split('@')[0],
        d.kind === 'eligible'
          ? `eligible ${d.completedAt.toISOString()}`
          : d.reasons.map((r) => `${r.code}${r.activity ? `:${r.activity.slice(0, 8)}` : ''}${r.grade !== undefined ? `:${r.grade}` : ''}`).join(' '),
      ]),
    )
    expect(byEmail).toEqual({
      'ines.garnier': 'not-passed:Module 1 not-passed:Module 2',
      'gaston.lamarre': 'never-launched:Module 1 not-complete:Module 2',
      'bruno.lefort': 'not-complete:Module 2',
      'anais.martin': 'eligible 2026-10-06T15:45:03.000Z',
      'chloe.ndiaye': 'eligible 2026-10-09T06:05:59.000Z',
      'emile.roux': 'eligible 2026-10-13T09:11:11.000Z',
      'hugo.vidal': 'not-complete:Module 1 not-complete:Module 2',
      // 00:00:01 on 18 October in Paris is still 17 October in UTC.
      'mj.larochefoucauld': 'eligible 2026-10-17T22:00:01.000Z',
      'dimitri.oehlenschlager': 'not-passed:Module 1',
      'farida.benali': 'eligible 2026-10-15T10:30:00.000Z',
    })
    // The gradebook keeps the real double quotes the progress CSV lost.
    expect(decisions.find((d) => d.learner.email.startsWith('emile'))!.learner.name).toBe('Émile "Milou" Roux')
    expect(rejected.map((r) => r.code)).toEqual(['row/formula', 'row/formula', 'row/formula'])
    // The gradebook alone cannot say "complete", and a grade below the minimum is a reason of its own.
    const course = decide([await read('en', 'course-completion.csv')], { activities: [], course: true })
    expect(course.decisions.filter((d) => d.kind === 'eligible').map((d) => d.learner.email.split('@')[0])).toEqual([
      'anais.martin',
      'chloe.ndiaye',
      'emile.roux',
      'mj.larochefoucauld',
      'farida.benali',
    ])
    const graded = decide([await read('en', 'activity-completion.csv'), await read('en', 'grades_comma.csv')], { activities: [A1], course: false, minGrade: 90 })
    expect(graded.decisions.find((d) => d.learner.email.startsWith('chloe'))).toMatchObject({ kind: 'not-eligible', reasons: [{ code: 'grade-below', grade: 80, min: 90 }] })
  })

  it('two exports that disagree issue nothing for that learner', async () => {
    const dir = freshDir()
    const text = (await readFile(join(DIR, 'en', 'course-completion.csv'), 'utf8')).replace('"Not completed",,$', '"Completed (achieved pass grade)","2026-10-08 10:00:00",')
    const changed = text
      .split('\n')
      .map((l) => (l.startsWith('21,') ? l.replace(/"Not completed",,$/, '"Completed (achieved pass grade)","2026-10-08 10:00:00","2026-10-08 10:00:00"') : l))
      .join('\n')
    await writeFile(join(dir, 'cc.csv'), changed)
    const { decisions } = decide([await read('en', 'activity-completion.csv'), await readExport(join(dir, 'cc.csv'), { timeZone: TZ })], { activities: [A1, A2], course: false })
    expect(decisions.find((d) => d.learner.email.startsWith('bruno'))).toMatchObject({ kind: 'not-eligible', reasons: [{ code: 'sources-disagree' }] })
  })
})

describe('broken exports are refused with file:line:col', () => {
  async function withText(name: string, text: string | Buffer) {
    const dir = freshDir()
    await writeFile(join(dir, name), text)
    return readExport(join(dir, name), { timeZone: TZ, display: name, scormActivity: A1 })
  }
  const original = () => readFile(join(DIR, 'en', 'activity-completion.csv'), 'utf8')

  it('empty file, header only, truncated last line, open quote', async () => {
    expect(await problemOf(withText('a.csv', ''))).toMatchObject({ code: 'export/empty', file: 'a.csv' })
    expect(await problemOf(withText('a.csv', Buffer.from([0xff, 0xfe])))).toMatchObject({ code: 'export/empty' })
    const text = await original()
    expect(await problemOf(withText('a.csv', text.split('\n')[0] + '\n'))).toMatchObject({ code: 'export/no-rows', line: 2 })
    expect(await problemOf(withText('a.csv', text.slice(0, -1)))).toMatchObject({ code: 'export/truncated', line: 12 })
    expect(await problemOf(withText('a.csv', text.slice(0, -12)))).toMatchObject({ code: 'export/truncated-quote', line: 12 })
    const cut = text.slice(0, text.indexOf('Anaïs') + 3)
    expect(await problemOf(withText('a.csv', cut))).toMatchObject({ code: 'export/truncated-quote', line: 5, column: 1 })
  })

  it('unknown column, missing e-mail column, wrong field count, unknown format, interactions report', async () => {
    const text = await original()
    const lines = text.split('\n')
    expect(await problemOf(withText('a.csv', text.replace(',"Module 2', ',"Bonus","Module 2')))).toMatchObject({ code: 'export/unknown-column', line: 1, column: 70 })
    expect(await problemOf(withText('a.csv', text.replace('"Email address"', '"Téléphone portable"')))).toMatchObject({ code: 'export/missing-column', line: 1, column: 2 })
    expect(await problemOf(withText('a.csv', [lines[0], lines[1], lines[2]!.replace(/,""$/, ''), ...lines.slice(3)].join('\n')))).toMatchObject({
      code: 'export/field-count',
      line: 3,
      params: { found: 5, expected: 6 },
    })
    expect(await problemOf(withText('a.csv', 'foo,bar\n1,2\n'))).toMatchObject({ code: 'export/unknown-format', line: 1, column: 1 })
    const grades = (await readFile(join(DIR, 'fr', 'grades_comma.csv'), 'utf8')).replace('"Adresse de courriel"', 'Ville')
    expect(await problemOf(withText('g.csv', grades))).toMatchObject({ code: 'export/missing-column' })
    const interactions = 'Name\t"Email address"\tAttempt\t"Started on"\t"Last accessed on"\tScore\t"Golf Explained"\t"Question 0"\t"Response 0"\nA\ta@b.fr\t1\tx\tx\t1\t1\tq\tr\n'
    expect(await problemOf(withText('i.txt', interactions))).toMatchObject({ code: 'export/interactions-report', line: 1, column: 85 })
  })

  it('invalid UTF-8 is refused; reordered columns and rows still read', async () => {
    expect(
      await problemOf(withText('a.csv', Buffer.concat([Buffer.from(',"Email address","A",""\n"'), Buffer.from([0xc3, 0x28]), Buffer.from('","a@b.fr","Completed",""\n')]))),
    ).toMatchObject({ code: 'export/encoding' })
    const text = (await readFile(join(DIR, 'en', 'grades_comma.csv'), 'utf8')).split('\n')
    const swap = (l: string) => {
      const cells = l
        .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
        .map((c) => c.replace(/,$/, ''))
        .slice(0, 10)
      return [cells[7], ...cells.slice(0, 7), ...cells.slice(8)].join(',')
    }
    const reordered = [swap(text[0]!), ...text.slice(1, -1).reverse().map(swap), ''].join('\n')
    const f = await withText('g.csv', reordered)
    const g = await read('en', 'grades_comma.csv')
    expect([...f.learners.keys()].sort()).toEqual([...g.learners.keys()].sort())
    expect(f.learners.get('dimitri.oehlenschlager@ac-fixture.fr')!.activities).toEqual(g.learners.get('dimitri.oehlenschlager@ac-fixture.fr')!.activities)
  })
})

describe('dates in the site time zone', () => {
  it('reads wall-clock times across the DST changes of Europe/Paris', async () => {
    const { toInstant, parseIsoLike } = await import('../../../src/certify/exports/dates.js')
    const at = (text: string) => toInstant(parseIsoLike(text)!, TZ).toISOString()
    expect(at('2026-01-15 10:00:00')).toBe('2026-01-15T09:00:00.000Z')
    expect(at('2026-07-15 10:00:00')).toBe('2026-07-15T08:00:00.000Z')
    // Autumn overlap: 02:30 happens twice; the earlier one (summer time) is taken.
    expect(at('2026-10-25 02:30:00')).toBe('2026-10-25T00:30:00.000Z')
    expect(at('2026-10-25 03:30:00')).toBe('2026-10-25T02:30:00.000Z')
    // Spring gap: 02:30 does not exist (Moodle never writes it); read with the winter offset.
    expect(at('2026-03-29 02:30:00')).toBe('2026-03-29T00:30:00.000Z')
    expect(at('2026-03-29 03:30:00')).toBe('2026-03-29T01:30:00.000Z')
  })
})
