/**
 * Checks a SCORM package the way a demanding LMS would, beyond what the schemas catch
 * (src/inspect/xsd.ts): libxml2 ignores IDREF, no schema checks identifierref → resource,
 * masteryscore ≤ 100, the exact schemaversion string Moodle reads, the namespace of the adlcp
 * prefix Moodle reads literally (mod/scorm/datamodels/scormlib.php). Used by `parcours inspect`
 * (in the trainer's language) and by the package tests (in English).
 */
import type { Lang } from '../shared/sco-data.js'
import { fill } from '../shared/fill.js'
import { descendants, parseXml, type XmlElement } from '../lms/xml.js'

const SCHEMA_VERSIONS: Record<'scorm12' | 'scorm2004', string[]> = { scorm12: ['1.2'], scorm2004: ['2004 4th Edition', '2004 3rd Edition', 'CAM 1.3'] }

const TEXTS = {
  'no-manifest': ['imsmanifest.xml is not at the root of the zip', 'imsmanifest.xml n’est pas à la racine du zip'],
  'not-xml': ['imsmanifest.xml is not well-formed XML ({reason})', 'imsmanifest.xml n’est pas du XML bien formé ({reason})'],
  'schema-version': ['schemaversion "{value}" is not one Moodle reads as {version}', 'schemaversion « {value} » n’est pas une valeur que Moodle lit comme {version}'],
  'adlcp-namespace': ['xmlns:adlcp is "{value}", expected {expected}', 'xmlns:adlcp vaut « {value} », attendu {expected}'],
  'scormtype-12-in-2004': [
    'SCORM 2004 resources use the 1.2 spelling adlcp:scormtype (should be adlcp:scormType)',
    'les ressources SCORM 2004 écrivent adlcp:scormtype comme en 1.2 (attendu adlcp:scormType)',
  ],
  'scormtype-2004-in-12': ['SCORM 1.2 resources use the 2004 spelling adlcp:scormType', 'les ressources SCORM 1.2 écrivent adlcp:scormType comme en 2004'],
  'no-identifier': ['<{element}> without identifier', '<{element}> sans identifiant'],
  'identifier-format': ['identifier "{id}" is not an ASCII xs:ID', 'l’identifiant « {id} » n’est pas un xs:ID ASCII'],
  'identifier-twice': ['identifier "{id}" is used {count} times', 'l’identifiant « {id} » est utilisé {count} fois'],
  'default-organization': ['organizations/@default "{id}" does not name an organization', 'organizations/@default « {id} » ne désigne aucune organisation'],
  'organization-title': ['organization {id} has no title', 'l’organisation {id} n’a pas de titre'],
  'item-title': ['item {id} has no title', 'l’élément {id} n’a pas de titre'],
  'item-resource': ['item {id} → missing resource "{ref}"', 'l’élément {id} renvoie à une ressource absente « {ref} »'],
  'dependency-resource': ['dependency → missing resource "{ref}"', 'une dépendance renvoie à une ressource absente « {ref} »'],
  'sco-href': ['SCO resource {id} has no href', 'la ressource SCO {id} n’a pas de href'],
  'no-scormtype': ['resource {id}: no adlcp:scormtype', 'ressource {id} : pas d’adlcp:scormtype'],
  'bad-href': ['resource {id}: "{href}" is not a valid relative URL', 'ressource {id} : « {href} » n’est pas une URL relative valide'],
  'missing-file': ['listed file "{path}" is not in the zip', 'le fichier listé « {path} » n’est pas dans le zip'],
  'unlisted-file': ['file "{path}" is in the zip but not listed in the manifest', 'le fichier « {path} » est dans le zip mais pas listé dans le manifeste'],
  'mastery-range': ['masteryscore "{value}" is not within 0–100', 'masteryscore « {value} » n’est pas entre 0 et 100'],
  'measure-range': ['minNormalizedMeasure "{value}" is not within -1–1', 'minNormalizedMeasure « {value} » n’est pas entre -1 et 1'],
} as const satisfies Record<string, readonly [en: string, fr: string]>

export type PackageProblemCode = keyof typeof TEXTS

export interface PackageProblem {
  code: PackageProblemCode
  params: Record<string, string | number>
}

/** A problem in words (English for the tests and logs, French for trainers). */
export function problemText(problem: PackageProblem, lang: Lang = 'en'): string {
  return fill(TEXTS[problem.code][lang === 'fr' ? 1 : 0], problem.params)
}

/** Every problem found in a package's manifest and files, in English; [] when the package is sound. */
export function checkPackage(files: Record<string, Buffer>, version: 'scorm12' | 'scorm2004', options: { strictListing?: boolean } = {}): string[] {
  return packageProblems(files, version, options).map((p) => problemText(p))
}

/** Every problem found in a package's manifest and files; never throws, whatever the zip holds. */
export function packageProblems(files: Record<string, Buffer>, version: 'scorm12' | 'scorm2004', options: { strictListing?: boolean } = {}): PackageProblem[] {
  const problems: PackageProblem[] = []
  const say = (code: PackageProblemCode, params: Record<string, string | number> = {}): void => void problems.push({ code, params })
  const xml = files['imsmanifest.xml']?.toString('utf8')
  if (xml === undefined) return [{ code: 'no-manifest', params: {} }]
  let root: XmlElement
  try {
    root = parseXml(xml)
  } catch (e) {
    return [{ code: 'not-xml', params: { reason: (e as Error).message.split('\n')[0] ?? '' } }]
  }
  const all = (name: string) => descendants(root, name)
  const schemaVersion = all('schemaversion')[0]?.text.trim()
  if (!SCHEMA_VERSIONS[version].includes(schemaVersion ?? '')) say('schema-version', { value: schemaVersion ?? '', version })

  // Moodle reads prefixes literally (scormlib.php): the conventional prefix must carry the right namespace.
  const adlcp = root.attrs['xmlns:adlcp']
  const expected = version === 'scorm12' ? 'http://www.adlnet.org/xsd/adlcp_rootv1p2' : 'http://www.adlnet.org/xsd/adlcp_v1p3'
  if (adlcp !== expected) say('adlcp-namespace', { value: adlcp ?? '', expected })
  // 2004 spells adlcp:scormType; the 1.2 spelling passes the schemas (anyAttribute lax) but is ignored.
  if (version === 'scorm2004' && /adlcp:scormtype=/.test(xml)) say('scormtype-12-in-2004')
  if (version === 'scorm12' && /adlcp:scormType=/.test(xml)) say('scormtype-2004-in-12')

  const ids = new Map<string, number>()
  for (const el of [root, ...all('organization'), ...all('item'), ...all('resource')]) {
    const id = el.attrs.identifier
    if (!id) {
      say('no-identifier', { element: el.name })
      continue
    }
    ids.set(id, (ids.get(id) ?? 0) + 1)
    // xs:ID, and printable ASCII for Moodle's tables.
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(id)) say('identifier-format', { id })
  }
  for (const [id, count] of ids) if (count > 1) say('identifier-twice', { id, count })

  const resources = new Map(all('resource').map((r) => [r.attrs.identifier ?? '', r]))
  const organizations = new Set(all('organization').map((o) => o.attrs.identifier))
  const orgDefault = all('organizations')[0]?.attrs.default
  if (!orgDefault || !organizations.has(orgDefault)) say('default-organization', { id: orgDefault ?? '' })
  for (const org of all('organization')) if (!titleOf(org)) say('organization-title', { id: org.attrs.identifier ?? '' })
  for (const item of all('item')) {
    if (!titleOf(item)) say('item-title', { id: item.attrs.identifier ?? '' })
    const ref = item.attrs.identifierref
    if (ref && !resources.has(ref)) say('item-resource', { id: item.attrs.identifier ?? '', ref })
  }
  for (const dep of all('dependency')) if (!resources.has(dep.attrs.identifierref ?? '')) say('dependency-resource', { ref: dep.attrs.identifierref ?? '' })

  const listed = new Set<string>()
  for (const resource of resources.values()) {
    const id = resource.attrs.identifier ?? ''
    const type = resource.attrs['adlcp:scormtype']
    if (type === 'sco' && !resource.attrs.href) say('sco-href', { id })
    if (type === undefined) say('no-scormtype', { id })
    for (const href of [...descendants(resource, 'file').map((f) => f.attrs.href ?? ''), ...(resource.attrs.href ? [resource.attrs.href.split(/[?#]/)[0]!] : [])]) {
      const path = decodePath(href)
      if (path === undefined) say('bad-href', { id, href })
      else listed.add(path)
    }
  }
  for (const path of listed) if (!(path in files)) say('missing-file', { path })
  if (options.strictListing !== false) {
    for (const path of Object.keys(files)) if (path !== 'imsmanifest.xml' && !listed.has(path)) say('unlisted-file', { path })
  }

  for (const mastery of all('adlcp:masteryscore')) {
    const value = Number(mastery.text.trim())
    if (!(value >= 0 && value <= 100)) say('mastery-range', { value: mastery.text })
  }
  for (const measure of all('imsss:minnormalizedmeasure')) {
    const value = Number(measure.text.trim())
    if (!(value >= -1 && value <= 1)) say('measure-range', { value: measure.text })
  }
  return problems
}

/** A manifest href as a path in the zip; undefined when its percent-escapes are broken. */
function decodePath(href: string): string | undefined {
  try {
    return decodeURI(href)
  } catch {
    return undefined
  }
}

function titleOf(el: XmlElement): string {
  return el.children.find((c) => c.name.toLowerCase() === 'title')?.text.trim() ?? ''
}
