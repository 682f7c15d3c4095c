/**
 * Checks a built SCORM package the way a demanding LMS would, beyond what the XSDs catch
 * (test/helpers/xsd.ts): libxml2 ignores IDREF, no schema checks identifierref → resource,
 * masteryscore ≤ 100, the exact schemaversion string…
 */
import JSZip from 'jszip'
import { descendants, parseXml, type XmlElement } from '../../src/lms/xml.js'

export async function unzip(bytes: Uint8Array): Promise<Record<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes)
  const files: Record<string, Buffer> = {}
  for (const entry of Object.values(zip.files)) if (!entry.dir) files[entry.name] = await entry.async('nodebuffer')
  return files
}

const SCHEMA_VERSIONS = { scorm12: ['1.2'], scorm2004: ['2004 4th Edition', '2004 3rd Edition', 'CAM 1.3'] }

/** Every problem found in a package's manifest and files; [] when the package is sound. */
export function checkPackage(files: Record<string, Buffer>, version: 'scorm12' | 'scorm2004', options: { strictListing?: boolean } = {}): string[] {
  const problems: string[] = []
  const xml = files['imsmanifest.xml']?.toString('utf8')
  if (!xml) return ['imsmanifest.xml is not at the root of the zip']
  const root = parseXml(xml)
  const all = (name: string) => descendants(root, name)
  const schemaVersion = all('schemaversion')[0]?.text.trim()
  if (!SCHEMA_VERSIONS[version].includes(schemaVersion ?? '')) problems.push(`schemaversion "${schemaVersion}" is not one Moodle reads as ${version}`)

  // Moodle reads prefixes literally (scormlib.php): the conventional prefix must carry the right namespace.
  const adlcp = root.attrs['xmlns:adlcp']
  const expectedAdlcp = version === 'scorm12' ? 'http://www.adlnet.org/xsd/adlcp_rootv1p2' : 'http://www.adlnet.org/xsd/adlcp_v1p3'
  if (adlcp !== expectedAdlcp) problems.push(`xmlns:adlcp is "${adlcp}", expected ${expectedAdlcp}`)
  // 2004 spells adlcp:scormType; the 1.2 spelling passes the schemas (anyAttribute lax) but is ignored.
  if (version === 'scorm2004' && /adlcp:scormtype=/.test(xml)) problems.push('SCORM 2004 resources use the 1.2 spelling adlcp:scormtype (should be adlcp:scormType)')
  if (version === 'scorm12' && /adlcp:scormType=/.test(xml)) problems.push('SCORM 1.2 resources use the 2004 spelling adlcp:scormType')

  const ids = new Map<string, number>()
  for (const el of [root, ...all('organization'), ...all('item'), ...all('resource')]) {
    const id = el.attrs.identifier
    if (!id) {
      problems.push(`<${el.name}> without identifier`)
      continue
    }
    ids.set(id, (ids.get(id) ?? 0) + 1)
    // xs:ID, and printable ASCII for Moodle's tables.
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(id)) problems.push(`identifier "${id}" is not an ASCII xs:ID`)
  }
  for (const [id, count] of ids) if (count > 1) problems.push(`identifier "${id}" is used ${count} times`)

  const resources = new Map(all('resource').map((r) => [r.attrs.identifier ?? '', r]))
  const organizations = new Set(all('organization').map((o) => o.attrs.identifier))
  const orgDefault = all('organizations')[0]?.attrs.default
  if (!orgDefault || !organizations.has(orgDefault)) problems.push(`organizations/@default "${orgDefault}" does not name an organization`)
  for (const org of all('organization')) if (!titleOf(org)) problems.push(`organization ${org.attrs.identifier} has no title`)
  for (const item of all('item')) {
    if (!titleOf(item)) problems.push(`item ${item.attrs.identifier} has no title`)
    const ref = item.attrs.identifierref
    if (ref && !resources.has(ref)) problems.push(`item ${item.attrs.identifier} → missing resource "${ref}"`)
  }
  for (const dep of all('dependency')) if (!resources.has(dep.attrs.identifierref ?? '')) problems.push(`dependency → missing resource "${dep.attrs.identifierref}"`)

  const listed = new Set<string>()
  for (const resource of resources.values()) {
    const type = resource.attrs['adlcp:scormtype']
    if (type === 'sco' && !resource.attrs.href) problems.push(`SCO resource ${resource.attrs.identifier} has no href`)
    if (resource.attrs['adlcp:scormtype'] === undefined) problems.push(`resource ${resource.attrs.identifier}: no adlcp:scormtype`)
    for (const file of descendants(resource, 'file')) listed.add(decodeURI(file.attrs.href ?? ''))
    if (resource.attrs.href) listed.add(decodeURI(resource.attrs.href.split(/[?#]/)[0]!))
  }
  for (const path of listed) if (!(path in files)) problems.push(`listed file "${path}" is not in the zip`)
  if (options.strictListing !== false) {
    for (const path of Object.keys(files)) if (path !== 'imsmanifest.xml' && !listed.has(path)) problems.push(`file "${path}" is in the zip but not listed in the manifest`)
  }

  for (const mastery of all('adlcp:masteryscore')) {
    const value = Number(mastery.text.trim())
    if (!(value >= 0 && value <= 100)) problems.push(`masteryscore "${mastery.text}" is not within 0–100`)
  }
  for (const measure of all('imsss:minnormalizedmeasure')) {
    const value = Number(measure.text.trim())
    if (!(value >= -1 && value <= 1)) problems.push(`minNormalizedMeasure "${measure.text}" is not within -1–1`)
  }
  return problems
}

function titleOf(el: XmlElement): string {
  return el.children.find((c) => c.name.toLowerCase() === 'title')?.text.trim() ?? ''
}

/** URLs a page would load from outside the package (links the learner clicks are fine). */
export function externalLoads(path: string, text: string): string[] {
  const found: string[] = []
  const patterns = [
    /<(?:script|img|iframe|source|video|audio|embed|track)\b[^>]*\bsrc\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /<link\b[^>]*\bhref\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /@import\s+(?:url\()?["']?((?:https?:)?\/\/[^"')\s]+)/gi,
    /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
  ]
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(`${path}: ${match[1]}`)
  return found
}
