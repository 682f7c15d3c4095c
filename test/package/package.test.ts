/**
 * The built zip itself, unpacked and checked as an LMS would: schema-valid manifest, every
 * reference resolved, every file listed, nothing loaded from outside, same bytes every time.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileToZip, loadTree } from '../helpers/compile.js'
import { parseManifest } from '../../src/lms/manifest.js'
import { checkPackage, externalLoads, unzip } from '../helpers/package.js'
import { validateXsd } from '../helpers/xsd.js'

const MODULE_MODE = { 'course.yml': (text: string) => `${text.trimEnd()}\nsco: module\n` }

const variants = [
  { name: 'sample-scorm12', format: 'scorm12', patch: {} },
  { name: 'sample-scorm2004', format: 'scorm2004', patch: {} },
  { name: 'sample-modules-scorm12', format: 'scorm12', patch: MODULE_MODE },
  { name: 'sample-modules-scorm2004', format: 'scorm2004', patch: MODULE_MODE },
] as const

describe.each(variants)('$name', ({ name, format, patch }) => {
  it('has a schema-valid manifest, every reference resolved and every file listed', async () => {
    const { zip } = await compileToZip(await loadTree(undefined, patch), format)
    const files = await unzip(zip)
    const xml = files['imsmanifest.xml']!.toString('utf8')
    expect(await validateXsd(xml, format)).toEqual({ valid: true, errors: [] })
    expect(checkPackage(files, format)).toEqual([])
    // Read by the test LMS the way Moodle 4.5 imports it (refuses imsss:mapInfo in an objective).
    expect(parseManifest(xml).version).toBe(format)
    await expect(Object.keys(files).sort().join('\n') + '\n').toMatchFileSnapshot(`../fixtures/package/${name}.listing.txt`)
    await expect(xml).toMatchFileSnapshot(`../fixtures/package/${name}.imsmanifest.xml`)
  })

  it('loads nothing from outside the package', async () => {
    const files = await unzip((await compileToZip(await loadTree(undefined, patch), format)).zip)
    const found = Object.entries(files)
      .filter(([path]) => /\.(html|css|js)$/.test(path))
      .flatMap(([path, bytes]) => externalLoads(path, bytes.toString('utf8')))
    expect(found).toEqual([])
    // The runtime makes no network request of its own: no URL, no fetch, no beacon.
    const runtime = files['parcours.js']!.toString('utf8')
    expect(runtime).not.toMatch(/https?:\/\/|\bfetch\(|sendBeacon|XMLHttpRequest/)
  })
})

describe('determinism', () => {
  it('gives byte-identical zips for the same input', async () => {
    const tree = await loadTree()
    const first = await compileToZip(tree, 'scorm12')
    const second = await compileToZip(await loadTree(), 'scorm12')
    expect(hash(second.zip)).toBe(hash(first.zip))
  })

  it('writes no build date, time or random id into the package', async () => {
    const files = await unzip((await compileToZip(await loadTree(), 'scorm12')).zip)
    const today = new Date().toISOString().slice(0, 10)
    for (const [path, bytes] of Object.entries(files)) {
      const text = bytes.toString('utf8')
      expect(text, path).not.toContain(today)
      expect(text, path).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/)
    }
  })
})

// The checker is only as good as what it rejects: one small valid manifest per version
// (test/fixtures/package/manifests/), broken one way at a time; each defect must be caught by
// the layer named, the official schemas or checkPackage's own rules (what libxml2 cannot see).
type Defect = [name: string, from: string | RegExp, to: string, caughtBy: 'schema' | 'checker']
const DEFECTS: Record<'scorm12' | 'scorm2004', Defect[]> = {
  scorm12: [
    ['scormtype outside the vocabulary', 'adlcp:scormtype="sco" href="a.html"', 'adlcp:scormtype="SCO" href="a.html"', 'schema'],
    ['identifier with a space', 'identifier="item-a"', 'identifier="item a"', 'schema'],
    ['the same identifier twice', 'identifier="res-b"', 'identifier="res-a"', 'schema'],
    ['the 2004 content-packaging namespace', 'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"', 'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"', 'schema'],
    ['default organization that does not exist', 'default="org-demo"', 'default="org-other"', 'checker'],
    ['item pointing at a missing resource', 'identifierref="res-b"', 'identifierref="res-c"', 'checker'],
    ['dependency on a missing resource', '<dependency identifierref="res-common"/>', '<dependency identifierref="res-shared"/>', 'checker'],
    ['masteryscore above 100', '<adlcp:masteryscore>80<', '<adlcp:masteryscore>150<', 'checker'],
    ['schemaversion Moodle does not read as 1.2', '<schemaversion>1.2<', '<schemaversion>1.3<', 'checker'],
    ['item without a title', '<title>Partie B</title>', '', 'checker'],
    ['the 2004 spelling adlcp:scormType', /adlcp:scormtype=/g, 'adlcp:scormType=', 'schema'],
  ],
  scorm2004: [
    ['minNormalizedMeasure above 1', '<imsss:minNormalizedMeasure>0.8<', '<imsss:minNormalizedMeasure>1.5<', 'schema'],
    ['adlcp prefix not declared', '          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"\n', '', 'schema'],
    ['completionThreshold above 1', 'minProgressMeasure="0.5"', 'minProgressMeasure="1.2"', 'schema'],
    ['adlcp bound to the 1.2 namespace', 'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"', 'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"', 'checker'],
    ['default organization that does not exist', 'default="org-demo"', 'default="org-other"', 'checker'],
    ['item pointing at a missing resource', 'identifierref="res-a"', 'identifierref="res-z"', 'checker'],
    ['organization without a title', '<title>Démonstration du contrôleur</title>', '', 'checker'],
    ['schemaversion in lower case', '<schemaversion>2004 4th Edition<', '<schemaversion>2004 4th edition<', 'checker'],
    ['the 1.2 spelling adlcp:scormtype', /adlcp:scormType=/g, 'adlcp:scormtype=', 'checker'],
  ],
}

describe.each(['scorm12', 'scorm2004'] as const)('the package checker itself, %s', (version) => {
  const base = readFileSync(join(import.meta.dirname, `../fixtures/package/manifests/${version}.xml`), 'utf8')
  const check = (xml: string) => checkPackage({ 'imsmanifest.xml': Buffer.from(xml) }, version, { strictListing: false }).filter((p) => !p.includes('is not in the zip'))

  it('accepts the valid base manifest, through the schemas and its own checks', async () => {
    expect(await validateXsd(base, version)).toEqual({ valid: true, errors: [] })
    expect(check(base)).toEqual([])
  })

  const defects = DEFECTS[version].map(([name, from, to, caughtBy]) => ({ name, from, to, caughtBy }))
  it.each(defects)('rejects $name (caught by the $caughtBy)', async ({ from, to, caughtBy }) => {
    const xml = base.replace(from, to)
    expect(xml, 'the defect applies to the base manifest').not.toBe(base)
    const xsd = await validateXsd(xml, version)
    if (caughtBy === 'schema') {
      expect(xsd.valid).toBe(false)
      expect(xsd.errors.join('\n')).toMatch(/^imsmanifest\.xml:\d+:/m)
    } else {
      // Schema-valid: only the checker's own rules stand between this manifest and an LMS.
      expect(xsd).toEqual({ valid: true, errors: [] })
      expect(check(xml)).not.toEqual([])
    }
  })
})

function hash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
