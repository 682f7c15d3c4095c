/**
 * A SCORM zip summarised for `parcours inspect`: what Moodle will make of it (version, SCOs,
 * mastery, launch files), whether it is valid against the official schemas and Moodle's stricter
 * reading, its size, and for a package parcours built, the course it carries and the worst-case
 * size of a learner's state against the LMS's limit. Works on any SCORM zip, ours or not.
 */
import JSZip from 'jszip'
import { parseManifest } from '../lms/manifest.js'
import type { ScormVersion } from '../lms/types.js'
import { parseScoData, type ScoData } from '../shared/sco-data.js'
import { worstCaseStateLength } from '../shared/state-codec.js'
import { packageProblems, type PackageProblem } from './package-check.js'
import { schemaSetFor, validateXsd, type SchemaSet } from './xsd.js'

export interface ScoSummary {
  identifier: string
  title: string
  launch: string
  /** The launch file is in the zip. */
  launchFound: boolean
  type: 'sco' | 'asset'
  /** 1.2 adlcp:masteryscore (0–100); 2004 minNormalizedMeasure of a satisfiedByMeasure objective (0–1). */
  mastery: string | undefined
}

export interface ParcoursSco {
  scoId: string
  title: string
  pages: number
  questions: number
  graded: number
  passingScore: number
  /** Longest `cmi.suspend_data` this SCO can write, against the LMS's limit. */
  stateWorst: number
  stateLimit: number
}

export interface PackageSummary {
  /** Size of the zip, of its files once unpacked, and how many files. */
  zipBytes: number
  unpackedBytes: number
  files: number
  /** null when the manifest is missing or cannot be read: then `refused` says why. */
  version: ScormVersion | null
  schemaVersion: string | undefined
  /** Why Moodle's import would stop (no manifest at the root, not XML, a manifest it cannot parse). */
  refused: string | undefined
  scos: ScoSummary[]
  /** Official schemas (libxml2): null when there is no readable manifest. */
  schema: { set: SchemaSet; valid: boolean; errors: string[] } | null
  /** What the schemas cannot see and Moodle trips on (src/inspect/package-check.ts). */
  problems: PackageProblem[]
  /**
   * Files in the zip that no resource lists. The manifest should list them (IMS CP), but Moodle
   * serves every file of the zip, so they work: a note, not a problem (Golf's XSDs are such files).
   */
  unlisted: string[]
  /** A package built by parcours: its course, from the data each SCO page carries. */
  parcours: { courseId: string; courseVersion: string; lang: string; scos: ParcoursSco[]; data: ScoData[] } | undefined
}

/** The zip's files, or why it is not a zip. */
export async function unzipPackage(bytes: Uint8Array): Promise<{ files: Record<string, Buffer> } | { reason: string }> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch (e) {
    return { reason: (e as Error).message }
  }
  const files: Record<string, Buffer> = {}
  for (const entry of Object.values(zip.files)) if (!entry.dir) files[entry.name] = await entry.async('nodebuffer')
  return { files }
}

/**
 * The data of every SCO of a parcours package (each SCO's page carries it in `<script id="pc-data">`),
 * in the manifest's order (the order Moodle lists them); pages the manifest does not launch after.
 */
export function parcoursScos(files: Record<string, Buffer>): ScoData[] {
  let launches: string[] = []
  try {
    launches = parseManifest(files['imsmanifest.xml']?.toString('utf8') ?? '').scos.map((s) => launchPath(s.launch))
  } catch {
    // No readable manifest: the pages in name order.
  }
  const pages = [...new Set([...launches, ...Object.keys(files).sort()])].filter((name) => name.endsWith('.html') && files[name])
  const scos: ScoData[] = []
  for (const name of pages) {
    const m = /<script type="application\/json" id="pc-data">([\s\S]*?)<\/script>/.exec((files[name] as Buffer).toString('utf8'))
    // JSON.parse reads back the \u003c escapes the page uses so that "<" cannot close the script.
    const data = m ? parseScoData(m[1] as string) : null
    if (data && !scos.some((s) => s.scoId === data.scoId)) scos.push(data)
  }
  return scos
}

export async function summarisePackage(bytes: Uint8Array, files: Record<string, Buffer>): Promise<PackageSummary> {
  const summary: PackageSummary = {
    zipBytes: bytes.length,
    unpackedBytes: Object.values(files).reduce((n, b) => n + b.length, 0),
    files: Object.keys(files).length,
    version: null,
    schemaVersion: undefined,
    refused: undefined,
    scos: [],
    schema: null,
    problems: [],
    unlisted: [],
    parcours: undefined,
  }
  const xml = files['imsmanifest.xml']?.toString('utf8')
  if (xml === undefined) {
    const nested = Object.keys(files).find((p) => p.endsWith('/imsmanifest.xml'))
    // Moodle's own words (mod/scorm/lib.php scorm_validate_package), which the trainer will see.
    summary.refused = nested
      ? `An imsmanifest.xml file was found but it was not in the root of your zip file, please re-package your SCORM (${nested})`
      : 'Incorrect file package - missing imsmanifest.xml or AICC structure'
    return summary
  }
  try {
    const manifest = parseManifest(xml)
    summary.version = manifest.version
    summary.schemaVersion = manifest.schemaVersion
    summary.scos = manifest.scos.map((s) => ({
      identifier: s.itemId ?? s.resourceId,
      title: s.title,
      launch: s.launch,
      launchFound: launchPath(s.launch) in files,
      type: s.scormType,
      mastery: manifest.version === 'scorm12' ? s.masteryScore : s.scaledPassingScore,
    }))
  } catch (e) {
    summary.refused = (e as Error).message
    return summary
  }
  const set = schemaSetFor(summary.version, summary.schemaVersion)
  summary.schema = { set, ...(await validateXsd(xml, set)) }
  const problems = packageProblems(files, summary.version)
  summary.problems = problems.filter((p) => p.code !== 'unlisted-file')
  summary.unlisted = problems.flatMap((p) => (p.code === 'unlisted-file' ? [String(p.params.path)] : []))
  const data = parcoursScos(files)
  const first = data[0]
  if (first)
    summary.parcours = {
      courseId: first.courseId,
      courseVersion: first.courseVersion,
      lang: first.lang,
      data,
      scos: data.map((d) => ({
        scoId: d.scoId,
        title: d.title,
        pages: d.pages.length,
        questions: d.questions.length,
        graded: d.questions.filter((q) => q.scored).length,
        passingScore: d.policy.passingScore,
        stateWorst: worstCaseStateLength(d),
        stateLimit: d.stateLimit,
      })),
    }
  return summary
}

/** The file a launch URL opens: without its query or fragment, percent-escapes decoded. */
function launchPath(launch: string): string {
  const path = launch.split(/[?#]/)[0] as string
  try {
    return decodeURI(path)
  } catch {
    return path
  }
}
