// `parcours inspect` on packages no one here wrote (Rustici "Golf", CC BY 3.0; opt-in suite):
// each is summarised as Moodle reads it, valid against the schema set its schemaversion names,
// and said not to be parcours' own; a Golf-style suspend_data is said to be another tool's.
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parcoursIn } from '../helpers/cli.js'
import { SAMPLES_DIR } from './samples.js'

const zips = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.zip'))

describe.each(zips)('parcours inspect %s', (zip) => {
  it('summarises it: version, SCOs with their launch files, schemas, not built by parcours', async () => {
    const run = await parcoursIn(SAMPLES_DIR, 'inspect', zip, '--format', 'json')
    expect(run.stderr).toBe('')
    const json = JSON.parse(run.stdout) as {
      ok: boolean
      version: string
      refused?: string
      schema: { valid: boolean; errors: string[] }
      problems: unknown[]
      scos: { launchFound: boolean }[]
      parcours: unknown
    }
    expect(json.version).toBe(zip.includes('2004') ? 'scorm2004' : 'scorm12')
    expect(json.refused).toBeUndefined()
    expect(json.schema).toEqual({ set: json.version === 'scorm12' ? 'scorm12' : zip.includes('4th') ? 'scorm2004' : 'scorm2004-3rd', valid: true, errors: [] })
    expect(json.problems).toEqual([])
    expect(json.scos.length).toBeGreaterThan(0)
    expect(json.scos.every((s) => s.launchFound)).toBe(true)
    expect(json.parcours).toBeNull()
    expect(run.status).toBe(json.ok ? 0 : 1)
    const text = await parcoursIn(SAMPLES_DIR, 'inspect', zip)
    expect(text.stdout).toContain('Ce paquet n’a pas été fabriqué par parcours')
  })
})

describe('a suspend_data written by another tool', () => {
  it('is said to be so, not guessed at', async () => {
    // Golf itself writes no suspend_data; this is the key=value shape many authoring tools write.
    const run = await parcoursIn(SAMPLES_DIR, 'inspect', 'lastPage=3&score=80&visited=1,2,3')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Ce n’est pas un état écrit par parcours')
  })
})
