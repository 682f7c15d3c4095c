// Unit tests of the test LMS's Node-side pieces (no browser): manifest reading as Moodle does
// it, package validation, total-time arithmetic, relaunch preloads.

import { describe, expect, it } from 'vitest'
import { addTime12, addTime2004 } from '../../src/lms/moodle-time.js'
import { detectVersion, findSco, parseManifest } from '../../src/lms/manifest.js'
import { PackageRegistry } from '../../src/lms/packages.js'
import { preload12, preload2004 } from '../../src/lms/relaunch.js'
import { minimalPackage } from '../helpers/lms/index.js'

const manifest = (body: string, meta = '<metadata><schemaversion>1.2</schemaversion></metadata>'): string =>
  `<?xml version="1.0"?><manifest identifier="m" xmlns:adlcp="x" xmlns:adl="y">${meta}${body}</manifest>`

describe('manifest reading (mod/scorm/datamodels/scormlib.php)', () => {
  it.each([
    ['1.2', 'scorm12'],
    ['1.3', 'scorm2004'],
    ['CAM 1.3', 'scorm2004'],
    ['2004 3rd Edition', 'scorm2004'],
    ['2004 4th Edition', 'scorm2004'],
    ['2004 4th edition', 'scorm12'], // case-sensitive in Moodle
    ['SCORM 2004', 'scorm12'],
    [undefined, 'scorm12'],
  ])('schemaversion %j → %s', (v, expected) => {
    expect(detectVersion(v)).toBe(expected)
  })

  it('applies xml:base, item parameters, literal prefixes and the default organization', () => {
    const info = parseManifest(
      manifest(`<organizations default="b">
        <organization identifier="a"><item identifier="ia" identifierref="r1"><title>A</title></item></organization>
        <organization identifier="b">
          <item identifier="i1" identifierref="r1" parameters="?x=1"><title>One &amp; only</title>
            <adlcp:masteryscore> 75 </adlcp:masteryscore></item>
          <item identifier="i2" identifierref="r2"><title>Two</title></item>
        </organization></organizations>
        <resources xml:base="content/">
          <resource identifier="r1" href="p1.html?lang=fr" adlcp:scormtype="sco"/>
          <resource identifier="r2" href="p2.html" adl:scormType="sco"/>
        </resources>`),
    )
    expect(info.scos.map((s) => [s.itemId, s.launch, s.scormType, s.masteryScore, s.title])).toEqual([
      ['i1', 'content/p1.html?lang=fr&x=1', 'sco', '75', 'One & only'],
      ['i2', 'content/p2.html', 'asset', undefined, 'Two'], // "adl:" is not "adlcp:" for Moodle
    ])
    expect(findSco(info, 'i2')?.resourceId).toBe('r2')
    expect(findSco(info, 'content/p1.html')?.resourceId).toBe('r1')
  })

  it('reads 2004 passing score, completion threshold and objectives', () => {
    const pkg = minimalPackage({ version: 'scorm2004', scaledPassingScore: '0.6', completionThreshold: '0.75', objectives: ['o1', 'o2'] })
    const [sco] = parseManifest(pkg.get('imsmanifest.xml')!.toString()).scos
    expect(sco).toMatchObject({ scaledPassingScore: '0.6', completionThreshold: '0.75', objectiveIds: ['o1', 'o2'] })
  })

  it('refuses imsss:mapInfo inside an objective, as Moodle 4.5 fails to import it (scormlib.php $objectivesdata)', () => {
    const seq = (objectives: string, extra = ''): string =>
      manifest(
        `<organizations default="o"><organization identifier="o"><item identifier="i" identifierref="r"><title>T</title>
          <imsss:sequencing><imsss:objectives>${objectives}</imsss:objectives>${extra}</imsss:sequencing></item></organization></organizations>
        <resources><resource identifier="r" href="a.html" adlcp:scormType="sco"/></resources>`,
        '<metadata><schemaversion>2004 4th Edition</schemaversion></metadata>',
      )
    const map = '<imsss:mapInfo targetObjectiveID="g" readSatisfiedStatus="true"/>'
    expect(() => parseManifest(seq(`<imsss:primaryObjective objectiveID="p"/><imsss:objective objectiveID="d">${map}</imsss:objective>`))).toThrow(
      /Attempt to assign property "mapinfos" on null.*objectiveID="d"/,
    )
    // The primary objective falls through to the same code in Moodle.
    expect(() => parseManifest(seq(`<imsss:primaryObjective objectiveID="p">${map}</imsss:primaryObjective>`))).toThrow(/mapinfos/)
    // ADL 4th-edition mapping (adlseq:objectives) is what Moodle ignores, and imports.
    const adl = seq(
      '<imsss:primaryObjective objectiveID="p"/><imsss:objective objectiveID="d"/>',
      '<adlseq:objectives><adlseq:objective objectiveID="d"><adlseq:mapInfo targetObjectiveID="g" writeCompletionStatus="true"/></adlseq:objective></adlseq:objectives>',
    )
    expect(parseManifest(adl).scos[0]?.objectiveIds).toEqual(['p', 'd'])
  })

  it("refuses malformed XML like Moodle's xml_parser", () => {
    expect(() => parseManifest('<manifest><organizations></manifest>')).toThrow(/XML error/)
  })

  it('refuses a package whose imsmanifest.xml is not at the root (scorm_validate_package)', () => {
    const reg = new PackageRegistry()
    expect(() => reg.add('bad', { 'course/imsmanifest.xml': '<manifest/>' })).toThrow(/not in the root of your zip file/)
    expect(() => reg.add('none', { 'index.html': '' })).toThrow(/missing imsmanifest\.xml/)
  })
})

describe('total time (AddTime in scorm_12.js / scorm_13.js)', () => {
  it.each([
    ['00:10:00', '00:05:30', '00:15:30'],
    ['00:59:59.50', '00:00:00.50', '01:00:00'],
    ['0100:00:00', '00:30:00', '100:30:00'],
    ['00:00:00', '00:00:01.5', '00:00:01.05'], // Moodle reads ".5" as 5 hundredths
  ])('1.2 %s + %s = %s', (a, b, sum) => {
    expect(addTime12(a, b)).toBe(sum)
  })
  it.each([
    ['PT10M', 'PT5M30S', 'PT15M30S'],
    ['PT0H0M0S', 'PT0.35S', 'PT0.35S'],
    ['P1DT23H', 'PT2H', 'P2DT1H'],
    ['PT0H0M0S', 'PT0H0M0S', 'PT0S'],
  ])('2004 %s + %s = %s', (a, b, sum) => {
    expect(addTime2004(a, b)).toBe(sum)
  })
})

describe('relaunch preloads', () => {
  const sco = parseManifest(minimalPackage({ version: 'scorm12', masteryScore: '80' }).get('imsmanifest.xml')!.toString()).scos[0]!
  const who = { id: 'u1', name: 'Doe, Jane' }
  it('1.2: resume only after suspend, collections in loading order', () => {
    const p = preload12(
      { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.exit': 'suspend', 'cmi.interactions.1.id': 'b', 'cmi.interactions.0.type': 'choice', 'cmi.interactions.0.id': 'a' },
      sco,
      who,
    )
    expect(p['cmi.core.entry']).toBe('resume')
    expect(p['cmi.core.exit']).toBeUndefined()
    expect(Object.keys(p).filter((k) => k.startsWith('cmi.interactions'))).toEqual(['cmi.interactions.0.id', 'cmi.interactions.0.type', 'cmi.interactions.1.id'])
    expect(preload12({ 'cmi.core.lesson_status': 'completed', 'cmi.core.exit': '' }, sco, who)['cmi.core.entry']).toBe('')
    expect(preload12(undefined, sco, who)).toMatchObject({ 'cmi.core.entry': 'ab-initio', 'cmi.student_data.mastery_score': '80' })
  })
  it('2004: nothing restored without suspend', () => {
    expect(preload2004({ 'cmi.location': 'p3', 'cmi.exit': 'normal' }, sco, who)).not.toHaveProperty('cmi.location')
    expect(preload2004({ 'cmi.location': 'p3', 'cmi.exit': 'suspend' }, sco, who)).toMatchObject({ 'cmi.location': 'p3', 'cmi.entry': 'resume' })
  })
})
