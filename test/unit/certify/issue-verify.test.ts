/**
 * keygen → issue → verify on the fixture exports: every eligible learner gets a JSON and a PDF
 * that verify (JSON, PDF, QR token), the same input and --date give the same bytes, and the
 * register is safe to open in a spreadsheet.
 */
import { mkdtemp, rm, readdir, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issue, type IssueResult } from '../../../src/certify/issue.js'
import { keygen } from '../../../src/certify/keys.js'
import { revoke } from '../../../src/certify/revoke.js'
import { readRegister } from '../../../src/certify/register.js'
import { loadTrust, verifyBytes, verifyToken, type Trust } from '../../../src/certify/verify/verify.js'
import { attachedFiles } from '../../../src/certify/verify/pdf-attachment.js'
import { readPrintedQr } from '../../helpers/pdf-qr.js'
import { CertifyError } from '../../../src/certify/problems.js'

const FIX = resolve(import.meta.dirname, '../../fixtures/certify')
const EXPORTS = ['fr/activity-completion.csv', 'en/grades_comma.csv', 'fr/RGPD-ENT-2026 Module 1 – RGPD  droits amp; devoirs-20261020_1200-tab_separated.txt'].map((f) =>
  join(FIX, 'exports', f),
)
const PASS = 'correct horse battery staple'

let dir: string
let result: IssueResult
let trust: Trust

async function trustFrom(statusPath: string): Promise<Trust> {
  const profile = JSON.parse(await readFile(join(dir, 'keys', 'issuer.json'), 'utf8'))
  const status = JSON.parse(await readFile(statusPath, 'utf8'))
  const { trust: t, problems } = await loadTrust([{ name: 'issuer.json', json: profile }], [{ name: 'status.json', json: status }])
  expect(problems).toEqual([])
  return t
}

afterAll(() => rm(dir, { recursive: true, force: true }))

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'certify-issue-'))
  await keygen({ issuerId: 'https://certif.ac-exemple.fr/eafc', name: 'Académie d’Exemple — EAFC', out: join(dir, 'keys'), passphrase: PASS, from: '2026-09-01', years: 1 })
  result = await issue({
    exports: EXPORTS,
    courseDir: join(FIX, 'course'),
    keyPath: join(dir, 'keys', 'issuer.key.pem'),
    passphrase: PASS,
    date: '2026-12-01',
    out: join(dir, 'out'),
  })
  trust = await trustFrom(result.status)
})

describe('certify issue', () => {
  it('issues for every eligible learner and says why the others are not', () => {
    expect(result.issued.map((i) => i.attestation.name)).toEqual([
      'Anaïs Martin',
      'Chloé N’Diaye'.replace('’', "'"),
      'Émile "Milou" Roux',
      'Marie-Joseph Éléonore Anne-Sophie de La Rochefoucauld-Montbazon de Castelnau-Saint-Gilles-Lévis-Mirepoix',
      'Farida Ben Ali',
    ])
    expect(result.issued[3]!.attestation.name).toHaveLength(104)
    // 00:00:01 on 18 October in Paris: the printed day is the 18th.
    expect(result.issued[3]!.attestation).toMatchObject({ completedOn: '2026-10-18', startedOn: '2026-10-17', result: 'Réussi', durationMinutes: 150 })
    expect(result.notEligible.map((n) => [n.name, n.reasons.map((r) => r.code)])).toEqual([
      ['Inès Garnier', ['not-passed', 'not-passed']],
      ['Gaston Lamarre', ['never-launched', 'not-complete']],
      ['Bruno Lefort, dit « Bruno »', ['not-complete']],
      ['Hugo Vidal', ['not-complete', 'not-complete']],
      ['Dimitri Œhlenschläger', ['not-passed']],
    ])
    expect(result.rejected.map((r) => r.code)).toEqual(['row/formula', 'row/formula', 'row/formula'])
  })

  it('writes only minimal personal data in the credential', async () => {
    const json = await readFile(result.issued[0]!.json, 'utf8')
    expect(json).not.toMatch(/@ac-|anais\.martin|"(score|grade|email)"/i)
    const credential = JSON.parse(json)
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
    expect(credential.credentialSubject.identifier).toEqual([{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Anaïs Martin' }])
    expect(credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: '2026-12-01T00:00:00Z' })
    expect(credential.credentialSubject.activityEndDate).toBe('2026-10-06T17:45:03+02:00')
  })

  it('every issued JSON, PDF and QR token verifies', async () => {
    for (const i of result.issued) {
      const json = await verifyBytes(await readFile(i.json), trust)
      expect(json).toMatchObject({ valid: true, source: 'json', issuerName: 'Académie d’Exemple — EAFC', statusDate: '2026-12-01T00:00:00Z' })
      if (json.valid) expect(json.attestation).toEqual(i.attestation)
      const pdf = await verifyBytes(await readFile(i.pdf), trust)
      expect(pdf).toMatchObject({ valid: true, source: 'pdf' })
      const token = (await attachedFiles(await readFile(i.pdf))).find((f) => f.name === 'qr-token.txt')!
      const text = new TextDecoder().decode(token.bytes)
      expect(text.length).toBeLessThan(420)
      expect(await verifyToken(text, trust)).toMatchObject({ valid: true, source: 'qr', attestation: i.attestation })
    }
  })

  it('the QR code printed on each PDF scans back to its signed token, which verifies', async () => {
    for (const i of result.issued) {
      const attached = new TextDecoder().decode((await attachedFiles(await readFile(i.pdf))).find((f) => f.name === 'qr-token.txt')!.bytes)
      const scanned = await readPrintedQr(i.pdf)
      expect(scanned).toBe(attached)
      expect(await verifyToken(scanned, trust)).toMatchObject({ valid: true, source: 'qr', attestation: i.attestation })
    }
  })

  it.each([
    ['in this thread', 0],
    ['with PDFs rendered by two worker threads (large batches use every core)', 2],
  ])('same input and --date give byte-identical output, %s', async (_how, workers) => {
    const again = await issue({
      exports: EXPORTS,
      courseDir: join(FIX, 'course'),
      keyPath: join(dir, 'keys', 'issuer.key.pem'),
      passphrase: PASS,
      date: '2026-12-01',
      out: join(dir, `out-${workers}`),
      workers,
    })
    expect(again.pdfThreads).toBe(workers)
    const list = async (d: string) => (await readdir(d, { recursive: true })).sort()
    expect(await list(again.out)).toEqual(await list(result.out))
    for (const f of await list(result.out)) {
      if ((await stat(join(result.out, f))).isDirectory()) continue
      expect(await readFile(join(again.out, f)), f).toEqual(await readFile(join(result.out, f)))
    }
  })

  it('refuses a non-empty output folder, a wrong passphrase, a date outside the key window', async () => {
    const base = { exports: EXPORTS, courseDir: join(FIX, 'course'), keyPath: join(dir, 'keys', 'issuer.key.pem'), passphrase: PASS, date: '2026-12-01' }
    const code = async (p: Promise<unknown>) =>
      (
        (await p.then(
          () => undefined,
          (e: unknown) => e,
        )) as CertifyError
      ).problems?.[0]?.code
    expect(await code(issue({ ...base, out: result.out }))).toBe('issue/out-not-empty')
    expect(await code(issue({ ...base, passphrase: 'wrong passphrase!', out: join(dir, 'x') }))).toBe('key/bad-passphrase')
    expect(await code(issue({ ...base, date: '2027-09-01', out: join(dir, 'x') }))).toBe('key/outside-window')
    expect(await code(keygen({ issuerId: 'https://x.fr/i', name: 'X', out: join(dir, 'keys'), passphrase: PASS, from: '2026-09-01', years: 1 }))).toBe('key/exists')
    expect((await stat(join(dir, 'keys', 'issuer.key.pem'))).mode & 0o777).toBe(0o600)
  })

  it('register: formula-safe, readable back; revoke re-signs the list and the attestation turns INVALIDE', async () => {
    const text = await readFile(result.register, 'utf8')
    expect(text.startsWith('\ufeff"id","index_statut"')).toBe(true)
    const rows = readRegister(text)
    expect(rows).toHaveLength(5)
    const target = result.issued[1]!
    await revoke({
      register: result.register,
      id: target.attestation.id,
      reason: 'Erreur de saisie',
      keyPath: join(dir, 'keys', 'issuer.key.pem'),
      passphrase: PASS,
      date: '2026-12-15',
    })
    const after = await trustFrom(result.status)
    expect(await verifyBytes(await readFile(target.json), after)).toMatchObject({ valid: false, reason: 'revoked', detail: '2026-12-15T00:00:00Z' })
    expect(await verifyBytes(await readFile(target.pdf), after)).toMatchObject({ valid: false, reason: 'revoked' })
    expect(await verifyBytes(await readFile(result.issued[0]!.json), after)).toMatchObject({ valid: true, statusDate: '2026-12-15T00:00:00Z' })
    expect(readRegister(await readFile(result.register, 'utf8')).find((r) => r.id === target.attestation.id)).toMatchObject({
      status: 'révoquée',
      revokedOn: '2026-12-15',
      reason: 'Erreur de saisie',
    })
  })

  it('a later batch with --register issues nobody twice and carries the register and its revocations on', async () => {
    const next = await issue({
      exports: EXPORTS,
      courseDir: join(FIX, 'course'),
      keyPath: join(dir, 'keys', 'issuer.key.pem'),
      passphrase: PASS,
      date: '2026-12-20',
      out: join(dir, 'out3'),
      register: result.register,
    })
    expect(next.issued).toEqual([])
    expect(next.notEligible.filter((n) => n.reasons[0]!.code === 'already-issued')).toHaveLength(5)
    const rows = readRegister(await readFile(next.register, 'utf8'))
    expect(rows.map((r) => r.status)).toEqual(['valide', 'révoquée', 'valide', 'valide', 'valide'])
    const after = await trustFrom(next.status)
    expect(await verifyBytes(await readFile(result.issued[1]!.json), after)).toMatchObject({ valid: false, reason: 'revoked' })
    expect(await verifyBytes(await readFile(result.issued[0]!.json), after)).toMatchObject({ valid: true, statusDate: '2026-12-20T00:00:00Z' })
  })
})
