/**
 * `certify issue`: exports + course.yml rule + issuer key → per eligible learner a signed
 * credential (JSON) and a PDF, plus the register and the signed status list. Nothing is
 * half-written: everything goes to a sibling temporary folder renamed into place at the end.
 * Deterministic: ids and status indexes derive from the issuer's key and the learner's facts, dates
 * from --date, so the same input gives the same bytes.
 */
import { createHmac } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { printedName, type Attestation } from './attestation.js'
import { readCertificationConfig, type CertificationConfig } from './config.js'
import { buildCredential } from './credential.js'
import { addProof } from './crypto/di-proof.js'
import { derivedSecret, signer } from './crypto/node-keys.js'
import { decide, type Decision, type Reason, type Rule } from './decide.js'
import { dayIn } from './exports/dates.js'
import { activityKey } from './exports/headers.js'
import { readExport } from './exports/read.js'
import { openIssuer, type OpenIssuer } from './keys.js'
import { printable } from './pdf.js'
import { pdfPool, poolSizeFor, type PdfJob } from './pdf-pool.js'
import { fail, problem, type Problem } from './problems.js'
import { readRegister, writeRegister, type RegisterRow } from './register.js'
import { encodeList, newBitstring, setBit, STATUS_LIST_SIZE, statusListCredential } from './status-list.js'
import { signToken } from './token.js'
import { isDay } from './attestation.js'

export const MAX_NAME = 120

export interface IssueOptions {
  exports: string[]
  courseDir: string
  keyPath: string
  issuerPath?: string
  passphrase: string
  /** YYYY-MM-DD; default today in the site's time zone. */
  date?: string
  out: string
  /**
   * The register of earlier batches signed with the same key: its ids are not issued again, its
   * status indexes are not reused, and the new register and status list carry its rows (and its
   * revocations) on. One register and one status list per key.
   */
  register?: string
  /** How paths are shown in messages. */
  display?: (path: string) => string
  /** Threads rendering the PDFs; default: one per core for large batches (src/certify/pdf-pool.ts). */
  workers?: number
}

export interface Issued {
  attestation: Attestation
  json: string
  pdf: string
}

export interface IssueResult {
  issued: Issued[]
  notEligible: { name: string; reasons: Reason[] }[]
  rejected: Problem[]
  out: string
  register: string
  status: string
  /** Threads that rendered the PDFs (0: the main thread). */
  pdfThreads: number
}

export async function issue(o: IssueOptions): Promise<IssueResult> {
  const show = o.display ?? ((p: string) => p)
  const config = await readCertificationConfig(o.courseDir, show(join(o.courseDir, 'course.yml')))
  const issuer = await openIssuer(o.keyPath, o.passphrase, o.issuerPath)
  const date = o.date ?? dayIn(new Date(), config.timeZone)
  if (!isDay(date)) fail('issue/bad-date', '--date', undefined, { value: date })
  const at = `${date}T00:00:00Z`
  if (at < issuer.trusted.validFrom || at > issuer.trusted.validUntil)
    fail('key/outside-window', show(o.keyPath), undefined, { date, from: issuer.trusted.validFrom, until: issuer.trusted.validUntil })
  const files = []
  for (const path of o.exports) files.push(await readExport(path, { timeZone: config.timeZone, display: show(path), ...scormActivity(path, config.rule) }))
  const { decisions, rejected } = decide(files, config.rule)
  if (await hasFiles(o.out)) fail('issue/out-not-empty', show(o.out), undefined, { path: show(o.out) })
  return write(decisions, rejected, config, issuer, date, o)
}

/** Moodle names a SCORM report `<course> <activity>-<time>-tab_separated.txt`, `&` → `amp;`, `:` dropped. */
function scormActivity(path: string, rule: Rule): { scormActivity?: string } {
  const name = activityKey(basename(path).replace(/amp;/g, '&'))
  const clean = (a: string) => activityKey(a.replace(/:/g, ''))
  const found = rule.activities.find((a) => name.includes(clean(a)))
  if (found) return { scormActivity: found }
  return rule.activities.length === 1 ? { scormActivity: rule.activities[0]! } : {}
}

async function hasFiles(dir: string): Promise<boolean> {
  return readdir(dir).then(
    (list) => list.length > 0,
    () => false,
  )
}

/** `2026-10-18T00:00:01+02:00`: the instant with the site's offset, so the date part is the local day. */
export function zoned(instant: Date, timeZone: string): string {
  const day = dayIn(instant, timeZone)
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(instant)
  const local = Date.parse(`${day}T${parts}Z`)
  const offset = Math.round((local - instant.getTime()) / 60000)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${day}T${parts}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

function uuidFrom(secret: Buffer, text: string): string {
  const h = createHmac('sha256', secret).update(text).digest()
  // RFC 9562 UUIDv8 (custom): version 8, variant 10.
  h[6] = (h[6]! & 0x0f) | 0x80
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

async function write(decisions: Decision[], rejected: Problem[], config: CertificationConfig, issuer: OpenIssuer, date: string, o: IssueOptions): Promise<IssueResult> {
  const sign = signer(issuer.key)
  const idSecret = derivedSecret(issuer.key, 'attestation-id')
  const indexSecret = derivedSecret(issuer.key, 'status-index')
  const rows: RegisterRow[] = await earlierRows(o.register)
  const used = new Set<number>(rows.map((r) => r.statusIndex))
  const known = new Set(rows.map((r) => r.id))
  const issued: Issued[] = []
  const notEligible: IssueResult['notEligible'] = []
  const tmp = join(dirname(o.out), `.${basename(o.out)}.partial-${process.pid}`)
  await rm(tmp, { recursive: true, force: true })
  await mkdir(join(tmp, 'attestations'), { recursive: true })
  const criteria = criteriaOf(config.rule)
  const pool = pdfPool(o.workers ?? poolSizeFor(decisions.filter((d) => d.kind === 'eligible').length))
  /** Pages waiting for the pool, written in order; a few hundred at a time keeps memory flat on 100,000 learners. */
  let batch: { job: PdfJob; base: string; json: string }[] = []
  const flush = async (): Promise<void> => {
    const pdfs = await pool.render(batch.map((b) => b.job))
    for (const [k, b] of batch.entries()) {
      await writeFile(join(tmp, 'attestations', `${b.base}.json`), b.json)
      await writeFile(join(tmp, 'attestations', `${b.base}.pdf`), pdfs[k]!)
    }
    batch = []
  }
  try {
    for (const d of decisions) {
      const name = printedName(d.learner.name)
      if (d.kind === 'not-eligible') {
        notEligible.push({ name, reasons: d.reasons })
        continue
      }
      if (!printable(name) || !printable(config.courseTitle)) {
        rejected.push(problem('row/name-unprintable', name, undefined, { value: JSON.stringify(name) }))
        continue
      }
      if (name.length > MAX_NAME) {
        rejected.push(problem('row/name-too-long', name.slice(0, 30), undefined, { value: JSON.stringify(`${name.slice(0, 30)}…`), max: MAX_NAME }))
        continue
      }
      const id = uuidFrom(idSecret, [config.courseId, d.learner.email, d.completedAt.toISOString()].join('\n'))
      if (known.has(id)) {
        notEligible.push({ name, reasons: [{ code: 'already-issued' }] })
        continue
      }
      let index = createHmac('sha256', indexSecret).update(id).digest().readUInt32BE(0) % STATUS_LIST_SIZE
      while (used.has(index)) index = (index + 1) % STATUS_LIST_SIZE
      used.add(index)
      const attestation: Attestation = {
        id,
        name,
        parcours: config.courseTitle,
        durationMinutes: config.durationMinutes,
        completedOn: dayIn(d.completedAt, config.timeZone),
        ...(d.startedAt && { startedOn: dayIn(d.startedAt, config.timeZone) }),
        issuedOn: date,
        result: d.passed ? 'Réussi' : 'Terminé',
        statusIndex: index,
      }
      const credential = buildCredential(attestation, {
        issuerId: issuer.trusted.issuerId,
        issuerName: issuer.trusted.issuerName,
        courseId: config.courseId,
        wording: config.wording,
        objectives: config.objectives,
        criteria,
        completedAt: zoned(d.completedAt, config.timeZone),
        ...(d.startedAt && { startedAt: zoned(d.startedAt, config.timeZone) }),
      })
      const signed = await addProof(
        credential,
        { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: `${date}T00:00:00Z`, verificationMethod: issuer.trusted.id, proofPurpose: 'assertionMethod' },
        sign,
      )
      const json = `${JSON.stringify(signed, null, 2)}\n`
      const token = await signToken(attestation, issuer.trusted.kid, sign)
      const context = {
        title: config.title,
        wording: config.wording,
        objectives: config.objectives,
        issuerName: config.issuer.name,
        issuerAddress: config.issuer.address,
        signatoryRole: config.signatory.role,
        ...(config.signatory.name && { signatoryName: config.signatory.name }),
        token,
        credentialJson: json,
      }
      const base = `attestation-${id.slice('urn:uuid:'.length)}`
      batch.push({ job: { attestation, context }, base, json })
      if (batch.length >= 256) await flush()
      issued.push({ attestation, json: join(o.out, 'attestations', `${base}.json`), pdf: join(o.out, 'attestations', `${base}.pdf`) })
      rows.push({ id, statusIndex: index, name, parcours: config.courseTitle, completedOn: attestation.completedOn, issuedOn: date, status: 'valide', revokedOn: '', reason: '' })
    }
    await flush()
    await writeFile(join(tmp, 'register.csv'), writeRegister(rows), { mode: 0o600 })
    const bits = newBitstring()
    for (const r of rows) if (r.status === 'révoquée') setBit(bits, r.statusIndex)
    const status = await signedStatusList(issuer, bits, `${date}T00:00:00Z`)
    await writeFile(join(tmp, 'status.json'), status)
    await rm(o.out, { recursive: true, force: true }) // empty (checked) or absent
    await mkdir(dirname(o.out), { recursive: true })
    await rename(tmp, o.out)
  } catch (e) {
    await rm(tmp, { recursive: true, force: true })
    throw e
  } finally {
    await pool.close()
  }
  return { issued, notEligible, rejected, out: o.out, register: join(o.out, 'register.csv'), status: join(o.out, 'status.json'), pdfThreads: pool.size }
}

async function earlierRows(path: string | undefined): Promise<RegisterRow[]> {
  if (!path) return []
  try {
    return readRegister(await readFile(path, 'utf8'))
  } catch (e) {
    fail('register/invalid', path, undefined, { reason: (e as Error).message })
  }
}

export async function signedStatusList(issuer: OpenIssuer, bits: Uint8Array, updated: string): Promise<string> {
  const list = statusListCredential(issuer.trusted.issuerId, updated, await encodeList(bits, (b) => gzipSync(b, { level: 9 })))
  const signed = await addProof(
    list,
    { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: updated, verificationMethod: issuer.trusted.id, proofPurpose: 'assertionMethod' },
    signer(issuer.key),
  )
  return `${JSON.stringify(signed, null, 2)}\n`
}

function criteriaOf(rule: Rule): string {
  if (rule.course) return 'Achèvement du cours dans Moodle.'
  const grade = rule.minGrade !== undefined ? ` avec une note d’au moins ${rule.minGrade}` : ''
  return `Activités terminées et réussies dans Moodle${grade} : ${rule.activities.map((a) => `« ${a} »`).join(', ')}.`
}
