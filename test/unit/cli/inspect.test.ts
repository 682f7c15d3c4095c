// `parcours inspect` (issue 8): a learner's state read from what support is handed (the value, a
// Moodle page, standard input), with the runtime's decoder and verdict; a SCORM zip summarised.
// States left by real journeys in the strict LMS: test/lms/inspect-journeys.test.ts (goldens).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'
import { zipFiles } from '../../../src/index.js'
import { findState } from '../../../src/inspect/find-state.js'
import { encode, emptyState, stateOutline } from '../../../src/shared/state-codec.js'
import { stateKey } from '../../../src/shared/state-key.js'
import { parcoursIn, temporaryDirs } from '../../helpers/cli.js'
import { compileSpec, makeSco, type ScoSpec } from '../../helpers/sco.js'

const SPEC: ScoSpec = {
  policy: { passingScore: 50, attempts: 0 },
  modules: [
    {
      id: 'module-un',
      title: 'Premier module',
      pages: [{ id: 'accueil' }, { id: 'suite' }, { id: 'evaluation', assessment: true, questions: [{ id: 'question-un', type: 'truefalse', correct: ['t'] }] }],
    },
    {
      id: 'module-deux',
      title: 'Second module',
      pages: [{ id: 'intro' }, { id: 'bilan', assessment: true, questions: [{ id: 'question-deux', type: 'truefalse', correct: ['f'] }] }],
    },
  ],
}

const freshDir = temporaryDirs('parcours-inspect-unit-')
const data = makeSco(SPEC)

/** A state of the one-SCO course: 2 pages seen, 75 minutes, question-un answered right and submitted. */
function learnerState(): string {
  const q = data.questions.find((x) => x.id === 'question-un')!
  return encode(
    {
      ...emptyState(),
      time: 4500,
      interactions: 1,
      seen: data.pages
        .slice(0, 3)
        .map((p) => p.key)
        .sort(),
      answers: { [q.key]: { rev: q.rev, value: 't', checked: false } },
      assessments: { [stateKey('module-un')]: { attempt: 1, submitted: true, points: 1 } },
    },
    data,
  )
}

async function publish(dir: string, spec: ScoSpec = SPEC, name = 'publie.zip'): Promise<string> {
  writeFileSync(join(dir, name), await zipFiles(compileSpec(spec).files))
  return name
}

describe('findState: the suspend_data in what support is handed', () => {
  const state = '2.Qx81Tb|cK2fa|t754|pA1b2'
  it.each([
    ['the value alone, with blanks around', `  ${state}\n`],
    ['the track details page copied from the browser (tab-separated)', `Élément\tValeur\ncmi.core.lesson_status\tincomplete\ncmi.suspend_data\t${state}\ncmi.core.exit\tsuspend\n`],
    ['the page saved as HTML', `<table><tr><td class="cell c0">cmi.suspend_data</td><td class="cell c1">${state}</td></tr></table>`],
    ['a CSV download', `"Element","Value"\n"cmi.suspend_data","${state}"\n`],
    ['a JSON dump of the CMI', `{"cmi.core.lesson_status":"incomplete","cmi.suspend_data":"${state}"}`],
    ['a file starting with a byte order mark', `\uFEFF${state}`],
  ])('finds it in %s', (_name, text) => {
    expect(findState(text)).toMatchObject({ ok: true, value: state })
  })

  it('decodes HTML escapes only in HTML', () => {
    expect(findState('<td>cmi.suspend_data</td><td>a&amp;b</td>')).toMatchObject({ value: 'a&b' })
    expect(findState('cmi.suspend_data\ta&amp;b')).toMatchObject({ value: 'a&amp;b' })
  })

  it('says why when there is nothing to take', () => {
    expect(findState('  \n\n')).toEqual({ ok: false, reason: 'empty' })
    expect(findState('cmi.core.lesson_status\tincomplete\ncmi.core.exit\tsuspend')).toEqual({ ok: false, reason: 'several-lines' })
  })
})

describe('stateOutline: what a state says of itself, without its course', () => {
  const state = learnerState()
  it('reads an intact parcours state', () => {
    expect(stateOutline(state)).toEqual({ kind: 'ours', version: '2', courseKey: stateKey('cours-test'), time: 4500, interactions: 1, pages: 3, answers: 1, assessments: 1 })
  })
  it('recognises a version 1 state', () => expect(stateOutline('1|t60|n0|pA1b2')).toMatchObject({ kind: 'ours', version: '1', time: 60, pages: 1 }))
  it('detects damage at every cut and every altered character', () => {
    for (let cut = 10; cut < state.length; cut++) expect(stateOutline(state.slice(0, cut)).kind, `cut at ${cut}`).toBe('damaged')
    const altered = state.replace(/t4500/, 't4509')
    expect(stateOutline(altered).kind).toBe('damaged')
  })
  it('tells a newer format, another tool’s state and an empty one apart', () => {
    expect(stateOutline('3.Zz9Yy8|cABCD|t99999|xnew').kind).toBe('newer')
    expect(stateOutline('lesson=3;score=80').kind).toBe('not-ours')
    expect(stateOutline('{"v":1,"progress":[1,2]}').kind).toBe('not-ours')
    expect(stateOutline('').kind).toBe('empty')
  })
})

describe('parcours inspect <state>', () => {
  it('without the course: whose format, and how much it holds', async () => {
    const run = await parcoursIn(freshDir(), 'inspect', learnerState())
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Format parcours, version 2, intact.')
    expect(run.stdout).toContain('1 h 15 min de temps passé, 1 interaction(s) écrite(s), 3 page(s) vue(s), 1 réponse(s), 1 évaluation(s)')
    expect(run.stdout).toContain('--course')
  })

  it('against the published zip: pages, answers judged, attempts, the result the package reports', async () => {
    const dir = freshDir()
    const zip = await publish(dir)
    const run = await parcoursIn(dir, 'inspect', learnerState(), '--course', zip)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines).toContain('Verdict : lisible en entier, tout est repris.')
    expect(lines).toContain('Pages vues : 3 sur 5.')
    expect(lines).toContain('  [x] module-un/evaluation — Page evaluation')
    expect(lines).toContain('  [ ] module-deux/intro — Page intro')
    expect(lines).toContain('  question-un (notée) : « Vrai » — juste')
    expect(lines).toContain('  module-un « Premier module » : tentative 1, soumise, 1 point(s) sur 1 (100 / 100, réussi)')
    expect(run.stdout).toContain('pas encore de score (toutes les évaluations ne sont pas soumises)')
  })

  it('against the course folder, compiled in memory, in English', async () => {
    const dir = freshDir()
    const { courseTree } = await import('../../helpers/sco.js')
    const tree = courseTree(SPEC)
    mkdirSync(join(dir, 'cours'))
    for (const file of Object.values(tree.files)) writeFileSync(join(dir, 'cours', file.path), file.text ?? '')
    const run = await parcoursIn(dir, 'inspect', learnerState(), '--course', 'cours', '--lang', 'en')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Verdict: fully readable, everything is resumed.')
    expect(run.stdout).toContain('  question-un (graded): "Vrai" — right')
  })

  it('one SCO per module: the SCO that wrote the state is found, or chosen with --sco', async () => {
    const dir = freshDir()
    const zip = await publish(dir, { ...SPEC, perModule: true })
    const second = makeSco({ ...SPEC, perModule: true, modules: [SPEC.modules[1]!] })
    const state = encode({ ...emptyState(), time: 30, seen: [second.pages[0]!.key] }, second)
    const found = await parcoursIn(dir, 'inspect', state, '--course', zip)
    expect(found.stdout).toContain('SCO « module-deux » (Second module)')
    expect(found.stdout).toContain('Verdict : lisible en entier')
    const forced = await parcoursIn(dir, 'inspect', state, '--course', zip, '--sco', 'module-un')
    expect(forced.stdout).toContain('SCO « module-un »')
    expect(forced.stdout).toContain('Verdict : lisible en partie')
    const unknown = await parcoursIn(dir, 'inspect', state, '--course', zip, '--sco', 'module-trois')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('SCO disponibles : module-un, module-deux')
  })

  it('another course’s state, a damaged one, another tool’s: said, never guessed', async () => {
    const dir = freshDir()
    const zip = await publish(dir)
    const other = encode({ ...emptyState(), time: 99 }, { courseId: 'une-autre-formation', courseVersion: '1.0.0' })
    const foreign = await parcoursIn(dir, 'inspect', other, '--course', zip)
    expect(foreign.stdout).toContain('Verdict : état d’une autre formation, ignoré entièrement (temps compris)')
    const cut = learnerState().slice(0, -3)
    const damaged = await parcoursIn(dir, 'inspect', cut, '--course', zip)
    expect(damaged.stdout).toContain('abîmé : la somme de contrôle ne correspond pas')
    expect(damaged.stdout).toContain('le paquet n’écrit pas par-dessus')
    const golf = await parcoursIn(dir, 'inspect', 'lesson=3;score=80')
    expect(golf.stdout).toContain('Ce n’est pas un état écrit par parcours')
  })

  it('reads a file, or standard input with "-"', async () => {
    const dir = freshDir()
    const zip = await publish(dir)
    writeFileSync(join(dir, 'suivi.txt'), `cmi.core.lesson_status\tincomplete\ncmi.suspend_data\t${learnerState()}\n`)
    const fromFile = await parcoursIn(dir, 'inspect', 'suivi.txt', '--course', zip)
    expect(fromFile.stdout).toContain('Verdict : lisible en entier')
    let stdout = ''
    const status = await main(['inspect', '-', '--course', zip, '--format', 'json'], {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      cwd: dir,
      env: { NO_COLOR: '1' },
      isTTY: false,
      stdin: async () => `${learnerState()}\n`,
    })
    expect(status).toBe(0)
    const json = JSON.parse(stdout) as { kind: string; outline: { kind: string }; course: { report: { verdict: string; writable: boolean } } }
    expect(json.kind).toBe('state')
    expect(json.outline.kind).toBe('ours')
    expect(json.course.report).toMatchObject({ verdict: 'readable', writable: true })
  })

  it('refuses what it cannot read, with exit 2 and a sentence', async () => {
    const dir = freshDir()
    mkdirSync(join(dir, 'un-dossier'))
    writeFileSync(join(dir, 'plusieurs.txt'), 'ligne un\nligne deux\n')
    const cases: [string[], string][] = [
      [['inspect'], 'Que faut-il inspecter ?'],
      [['inspect', 'absent.zip'], 'Fichier introuvable : absent.zip.'],
      [['inspect', 'un-dossier'], '« un-dossier » est un dossier.'],
      [['inspect', 'plusieurs.txt'], 'plusieurs lignes sans « cmi.suspend_data »'],
      [['inspect', '2.abc', '--course', 'nulle-part'], 'Formation introuvable : nulle-part'],
      [['inspect', '2.abc', '--format', 'xml'], 'Format de sortie inconnu « xml »'],
    ]
    for (const [args, message] of cases) {
      const run = await parcoursIn(dir, ...args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toContain(message)
    }
  })

  it('a course folder with errors: its diagnostics, exit 1', async () => {
    const dir = freshDir()
    mkdirSync(join(dir, 'cours'))
    writeFileSync(join(dir, 'cours', 'course.yml'), 'id: x\ntitle: [\n')
    const run = await parcoursIn(dir, 'inspect', '2.abc', '--course', 'cours')
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/course\.yml:\d+:\d+/)
    expect(run.stderr).toContain('La formation cours a des erreurs')
  })
})

describe('parcours inspect <package.zip>', () => {
  it('summarises a parcours package: version, SCOs, pass mark, validity, course, worst-case state', async () => {
    const dir = freshDir()
    const zip = await publish(dir)
    const run = await parcoursIn(dir, 'inspect', zip)
    expect(run.status).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe('Paquet publie.zip : SCORM 1.2 (schemaversion « 1.2 »).')
    expect(lines).toContain('Import dans Moodle : accepté (manifeste lu comme Moodle 4.5 le lit).')
    expect(lines).toContain('Schémas officiels (scorm12) : valide.')
    expect(lines).toContain('Contrôles plus stricts que les schémas (Moodle) : aucun problème.')
    expect(run.stdout).toMatch(/ITEM-cours-test « Cours de test » → index\.html, seuil de réussite 50/)
    expect(lines).toContain('Formation parcours « cours-test », version « 1.0.0 », langue fr :')
    expect(run.stdout).toMatch(/SCO cours-test « Cours de test » : 5 page\(s\), 2 question\(s\) dont 2 notée\(s\), seuil 50 ; état au pire \d+ caractères sur 4\u202f096/)
  })

  it('2004, one SCO per module, as JSON', async () => {
    const dir = freshDir()
    const zip = await publish(dir, { ...SPEC, version: 'scorm2004', perModule: true })
    const run = await parcoursIn(dir, 'inspect', zip, '--format', 'json')
    expect(run.status).toBe(0)
    const json = JSON.parse(run.stdout) as {
      ok: boolean
      version: string
      schema: { set: string; valid: boolean }
      scos: { mastery: string }[]
      parcours: { scos: { scoId: string; stateWorst: number; stateLimit: number }[] }
    }
    expect(json).toMatchObject({ ok: true, version: 'scorm2004', schema: { set: 'scorm2004', valid: true } })
    expect(json.scos.map((s) => s.mastery)).toEqual(['0.5', '0.5'])
    expect(json.parcours.scos.map((s) => s.scoId)).toEqual(['module-un', 'module-deux'])
    for (const sco of json.parcours.scos) expect(sco.stateWorst).toBeLessThan(sco.stateLimit)
  })

  it('what Moodle would refuse or trip on: exit 1, with its reason', async () => {
    const dir = freshDir()
    const good = await JSZip.loadAsync(await zipFiles(compileSpec(SPEC).files))
    const variant = async (name: string, change: (zip: JSZip) => void | Promise<void>): Promise<string> => {
      const zip = await JSZip.loadAsync(await good.generateAsync({ type: 'uint8array' }))
      await change(zip)
      writeFileSync(join(dir, name), await zip.generateAsync({ type: 'uint8array' }))
      return name
    }
    const nested = await variant('imbrique.zip', async (zip) => {
      const manifest = await zip.file('imsmanifest.xml')!.async('string')
      zip.remove('imsmanifest.xml')
      zip.file('dossier/imsmanifest.xml', manifest)
    })
    const run1 = await parcoursIn(dir, 'inspect', nested)
    expect(run1.status).toBe(1)
    expect(run1.stdout).toContain('Import dans Moodle : refusé. An imsmanifest.xml file was found but it was not in the root of your zip file')

    const noLaunch = await variant('sans-page.zip', (zip) => void zip.remove('index.html'))
    const run2 = await parcoursIn(dir, 'inspect', noLaunch)
    expect(run2.status).toBe(1)
    expect(run2.stdout).toContain('→ index.html (fichier absent du zip !)')
    expect(run2.stdout).toContain('le fichier listé « index.html » n’est pas dans le zip')

    const badMastery = await variant('seuil.zip', async (zip) => {
      const manifest = await zip.file('imsmanifest.xml')!.async('string')
      zip.file('imsmanifest.xml', manifest.replace(/<adlcp:masteryscore>\d+</, '<adlcp:masteryscore>150<'))
    })
    const run3 = await parcoursIn(dir, 'inspect', badMastery, '--lang', 'en')
    expect(run3.status).toBe(1)
    expect(run3.stdout).toContain('masteryscore "150" is not within 0–100')

    writeFileSync(join(dir, 'casse.zip'), 'PK\u0003\u0004 pas vraiment un zip')
    const run4 = await parcoursIn(dir, 'inspect', 'casse.zip')
    expect(run4.status).toBe(2)
    expect(run4.stderr).toContain('« casse.zip » n’est pas un zip lisible')
  })
})
