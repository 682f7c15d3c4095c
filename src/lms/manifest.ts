// Reads imsmanifest.xml the way Moodle 4.5 does (mod/scorm/datamodels/scormlib.php,
// scorm_parse_scorm / scorm_get_manifest / scorm_get_resources), keeping only what the
// player needs: version, launchable SCOs in organization order, and per-item run-time data.

import type { ScormVersion } from './types.js'
import { child, childText, childrenNamed, descendants, is, parseXml, type XmlElement } from './xml.js'

export interface ScoInfo {
  /** Canonical key of the SCO in the test LMS: the resource identifier. */
  resourceId: string
  itemId: string | undefined
  title: string
  /** Launch URL relative to the package root, with xml:base and item parameters applied. */
  launch: string
  scormType: 'sco' | 'asset'
  /** 1.2 adlcp:masteryscore → cmi.student_data.mastery_score. */
  masteryScore: string | undefined
  maxTimeAllowed: string | undefined
  timeLimitAction: string | undefined
  /** adlcp:datafromlms → cmi.launch_data. */
  dataFromLms: string | undefined
  /** 2004 primaryObjective@satisfiedByMeasure + minNormalizedMeasure → cmi.scaled_passing_score. */
  scaledPassingScore: string | undefined
  /** 2004 adlcp:completionThreshold → cmi.completion_threshold. */
  completionThreshold: string | undefined
  /** 2004 objective IDs Moodle preloads as cmi.objectives.N.id (scorm_13lib.php get_scorm_default). */
  objectiveIds: string[]
}

export interface ManifestInfo {
  version: ScormVersion
  schemaVersion: string | undefined
  /** Launchable items (item with identifierref to a resource with href), in organization order. */
  scos: ScoInfo[]
}

/**
 * Moodle's version detection (scormlib.php, case-sensitive): "1.2" → 1.2, "1.3" / "CAM 1.3" /
 * "2004 3rd Edition" / "2004 4th Edition" → 2004, anything else (or nothing) → 1.2.
 */
export function detectVersion(schemaVersion: string | undefined): ScormVersion {
  if (schemaVersion === undefined) return 'scorm12'
  if (/^(1\.2)$|^(CAM )?(1\.3)$/.exec(schemaVersion)?.[3] === '1.3') return 'scorm2004'
  if (/^2004 (3rd|4th) Edition$/.test(schemaVersion)) return 'scorm2004'
  return 'scorm12'
}

function joinBase(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join('')
}

/** Moodle loadSCO.php: item parameters are appended with "?" or "&"; a leading "?" is dropped. */
function withParameters(href: string, parameters: string | undefined): string {
  if (!parameters) return href
  const p = parameters.replace(/^[?&]/, '')
  if (!p) return href
  return href + (href.includes('?') ? '&' : '?') + p
}

function objectivesOf(item: XmlElement): { ids: string[]; scaled: string | undefined } {
  const seq = child(item, 'imsss:sequencing')
  const objectives = seq && child(seq, 'imsss:objectives')
  if (!objectives) return { ids: [], scaled: undefined }
  const ids: string[] = []
  let scaled: string | undefined
  for (const o of objectives.children) {
    if (!is(o, 'imsss:primaryObjective') && !is(o, 'imsss:objective')) continue
    const id = o.attrs['objectiveid']
    if (id) ids.push(id)
    if (is(o, 'imsss:primaryObjective') && o.attrs['satisfiedbymeasure'] === 'true') {
      const mnm = childText(o, 'imsss:minNormalizedMeasure') ?? '1.0'
      // PHP !empty(): "0" is empty, so Moodle never preloads a 0 passing score.
      if (mnm !== '0') scaled = mnm
    }
  }
  return { ids, scaled }
}

/** 4th ed.: attribute minProgressMeasure (Moodle default 1.0); 3rd ed.: text content. */
function thresholdOf(item: XmlElement): string | undefined {
  const ct = child(item, 'adlcp:completionThreshold')
  if (!ct) return undefined
  return ct.attrs['minprogressmeasure'] ?? (ct.text.trim() || '1.0')
}

/**
 * Moodle 4.5 cannot import a manifest with an `imsss:mapInfo` inside an `imsss:objective` or
 * `imsss:primaryObjective` (the primary case falls through to the objective case):
 * scorm_get_manifest() (mod/scorm/datamodels/scormlib.php, ≈ l.378) assigns
 * `$objectivesdata->mapinfos` where it means `$objectivedata`, which PHP 8 stops with
 * "Attempt to assign property "mapinfos" on null", so the activity is never created.
 * Global objectives must be mapped with `adlseq:objectives`/`adlseq:mapInfo` (ADL 4th ed.),
 * which Moodle ignores.
 */
export function refuseObjectiveMapInfo(root: XmlElement): void {
  for (const objectives of descendants(root, 'imsss:objectives')) {
    for (const o of objectives.children) {
      if (!is(o, 'imsss:primaryObjective') && !is(o, 'imsss:objective')) continue
      if (!child(o, 'imsss:mapInfo')) continue
      throw new Error(
        `Moodle import error: Attempt to assign property "mapinfos" on null (mod/scorm/datamodels/scormlib.php): ` +
          `<${o.name} objectiveID="${o.attrs['objectiveid'] ?? ''}"> contains an imsss:mapInfo; map global objectives with adlseq:objectives/adlseq:mapInfo`,
      )
    }
  }
}

export function parseManifest(xml: string): ManifestInfo {
  // Moodle pre-processing: a bare "&" becomes "&amp;" before parsing.
  const root = parseXml(xml.replace(/&(?!(\w{2,6}|#x?[0-9a-f]+);)/gi, '&amp;'))
  if (!is(root, 'manifest')) throw new Error(`imsmanifest.xml root is <${root.name}>, expected <manifest>`)
  refuseObjectiveMapInfo(root)
  const metadata = child(root, 'metadata')
  const schemaVersion = metadata ? childText(metadata, 'schemaversion') : undefined
  const version = detectVersion(schemaVersion)

  const resourcesEl = child(root, 'resources')
  const resources = new Map<string, { el: XmlElement; href: string | undefined }>()
  for (const r of resourcesEl ? childrenNamed(resourcesEl, 'resource') : []) {
    const id = r.attrs['identifier']
    if (!id) continue
    const href = r.attrs['href']
    const base = joinBase(root.attrs['xml:base'], resourcesEl?.attrs['xml:base'], r.attrs['xml:base'])
    resources.set(id, { el: r, href: href === undefined ? undefined : base + href })
  }

  const scos: ScoInfo[] = []
  const add = (resourceId: string, item: XmlElement | undefined): void => {
    const res = resources.get(resourceId)
    if (!res?.href) return
    const type = (res.el.attrs['adlcp:scormtype'] ?? 'asset').toLowerCase()
    const objectives = item ? objectivesOf(item) : { ids: [], scaled: undefined }
    scos.push({
      resourceId,
      itemId: item?.attrs['identifier'],
      title: (item && childText(item, 'title')) ?? resourceId,
      launch: withParameters(res.href, item?.attrs['parameters']),
      scormType: type === 'sco' ? 'sco' : 'asset',
      masteryScore: item && childText(item, 'adlcp:masteryscore'),
      maxTimeAllowed: item && childText(item, 'adlcp:maxtimeallowed'),
      timeLimitAction: item && childText(item, 'adlcp:timelimitaction'),
      dataFromLms: item && childText(item, 'adlcp:datafromlms'),
      scaledPassingScore: version === 'scorm2004' ? objectives.scaled : undefined,
      completionThreshold: item && version === 'scorm2004' ? thresholdOf(item) : undefined,
      objectiveIds: version === 'scorm2004' ? objectives.ids : [],
    })
  }

  const orgs = child(root, 'organizations')
  const orgList = orgs ? childrenNamed(orgs, 'organization') : []
  const org = orgList.find((o) => o.attrs['identifier'] === orgs?.attrs['default']) ?? orgList[0]
  if (org) {
    for (const item of descendants(org, 'item')) {
      const ref = item.attrs['identifierref']
      if (ref) add(ref, item)
    }
  } else {
    // Moodle: without organizations every resource with an href becomes a SCO.
    for (const id of resources.keys()) add(id, undefined)
  }
  return { version, schemaVersion, scos }
}

/** Finds a SCO by resource identifier, item identifier or launch href (with or without query). */
export function findSco(manifest: ManifestInfo, alias: string | undefined): ScoInfo | undefined {
  if (!alias) return manifest.scos.find((s) => s.scormType === 'sco') ?? manifest.scos[0]
  return (
    manifest.scos.find((s) => s.resourceId === alias) ??
    manifest.scos.find((s) => s.itemId === alias) ??
    manifest.scos.find((s) => s.launch === alias) ??
    manifest.scos.find((s) => s.launch.split('?')[0] === alias)
  )
}
