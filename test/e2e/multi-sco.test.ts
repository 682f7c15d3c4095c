/**
 * One SCO per module (`sco: module`), in both versions: Moodle lists one activity entry per
 * module; each SCO tracks its own module, and in SCORM 2004 a completed module writes the global
 * objective that enables the next one (imsss preConditionRule in the manifest).
 */
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ScormVersion } from '../../src/shared/sco-data.js'
import { compileToZip, loadTree } from '../helpers/compile.js'
import { Learner } from '../helpers/learner.js'
import { closeTab, openSco, unzipPackage } from '../helpers/lms/index.js'
import { useLms } from '../helpers/lms/vitest.js'

const MODULE_MODE = { 'course.yml': (text: string) => `${text.trimEnd()}\nsco: module\n` }

const t = useLms(async () => ({
  scorm12: await unzipPackage((await compileToZip(await loadTree(undefined, MODULE_MODE), 'scorm12')).zip),
  scorm2004: await unzipPackage((await compileToZip(await loadTree(undefined, MODULE_MODE), 'scorm2004')).zip),
}))

async function play(version: ScormVersion, learner: string, sco: string): Promise<{ page: Page; learn: Learner; frame: Frame | Page }> {
  const page = await t.page()
  const opened = await openSco(page, t.lms.url(version, sco, learner, version))
  await opened.sco.locator('body:not(.pc-nojs)').waitFor()
  return { page, learn: new Learner(opened.sco), frame: opened.sco }
}

describe.each(['scorm12', 'scorm2004'] as const)('%s, one SCO per module', (version) => {
  it('lists one launchable SCO per module, in course order', () => {
    const scos = t.lms.manifest(version).scos
    expect(scos.map((s) => s.resourceId)).toEqual(['RES-cadre-de-confiance', 'RES-rgpd-ecole', 'RES-pilotage-ent'])
    expect(scos.every((s) => s.launch.endsWith('/index.html'))).toBe(true)
  })

  it('tracks each module in its own SCO, and completes it on its own', async () => {
    const learner = `multi-${version}`
    const { page, learn } = await play(version, learner, 'RES-cadre-de-confiance')
    const data = await learn.data()
    expect(data.modules.map((m) => m.id)).toEqual(['cadre-de-confiance'])
    await learn.visitAll()
    await learn.takeAssessment('cadre-de-confiance')
    await closeTab(t.lms, page, learner, version, 'RES-cadre-de-confiance')
    const tracks = t.lms.tracks(learner, version, 'RES-cadre-de-confiance')
    if (version === 'scorm12') {
      expect(tracks['cmi.core.lesson_status']).toBe('passed')
      expect(tracks['cmi.core.score.raw']).toBe('100')
    } else {
      expect(tracks['cmi.completion_status']).toBe('completed')
      expect(tracks['cmi.success_status']).toBe('passed')
      // The objective the manifest maps to the global "module done" objective is satisfied.
      // (The id itself is preloaded from the manifest, so the LMS stores no change for it.)
      const calls = t.lms.calls(learner, version, 'RES-cadre-de-confiance')
      const index = calls
        .find((c) => c.method === 'SetValue' && /^cmi\.objectives\.\d+\.id$/.test(String(c.args[0])) && c.args[1] === 'DONE-cadre-de-confiance')
        ?.args[0]?.toString()
        .split('.')[2]
      expect(index).toBeDefined()
      expect(tracks[`cmi.objectives.${index}.success_status`]).toBe('passed')
    }
    // The next module's SCO has its own, untouched record.
    expect(t.lms.tracks(learner, version, 'RES-rgpd-ecole')).toEqual({})
    expect(t.lms.violations(learner, version, 'RES-cadre-de-confiance')).toEqual([])
  })
})

describe('scorm2004, one SCO per module, when the LMS refuses Initialize (Moodle 4.5 after a SCO switch from its table of contents)', () => {
  it('says in one sentence what to do: leave the activity and open it again', async () => {
    const page = await t.page()
    // Moodle answers Initialize "false" with error 104 after the switch; the SCO finds that API in its own window.
    await page.addInitScript(() => {
      let error = '0'
      ;(globalThis as unknown as Record<string, unknown>).API_1484_11 = {
        Initialize: () => ((error = '104'), 'false'),
        Terminate: () => 'false',
        GetValue: () => '',
        SetValue: () => 'false',
        Commit: () => 'false',
        GetLastError: () => error,
        GetErrorString: () => 'Content Instance Terminated',
        GetDiagnostic: () => '',
      }
    })
    await page.goto(`${t.lms.origin}/pkg/scorm2004/rgpd-ecole/index.html`)
    const notice = page.locator('#pc-notice')
    await notice.filter({ hasText: /\S/ }).waitFor()
    expect(await notice.textContent()).toContain('Quittez l’activité puis rouvrez-la'.replace('’', "'"))
    expect(await notice.textContent()).toContain('le module suivant s’ouvrira'.replace('’', "'"))
  })
})
