/**
 * What verification must refuse: any changed field of the credential JSON, of the PDF's embedded
 * data and of the QR token; another key; a key outside the trust list or its window; a revoked
 * attestation; malformed and huge input; a PDF whose QR belongs to another attestation.
 */
import { mkdtemp, rm, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addProof } from '../../../src/certify/crypto/di-proof.js'
import { generateIssuerKey, signer } from '../../../src/certify/crypto/node-keys.js'
import { issue, type IssueResult } from '../../../src/certify/issue.js'
import { keygen } from '../../../src/certify/keys.js'
import { renderPdf } from '../../../src/certify/pdf.js'
import { signToken } from '../../../src/certify/token.js'
import { attachedFiles } from '../../../src/certify/verify/pdf-attachment.js'
import { loadTrust, verifyBytes, verifyToken, type Trust } from '../../../src/certify/verify/verify.js'

const FIX = resolve(import.meta.dirname, '../../fixtures/certify')
const EXPORTS = ['fr/activity-completion.csv', 'en/grades_comma.csv'].map((f) => join(FIX, 'exports', f))
const PASS = 'correct horse battery staple'
const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o))

let dir: string
let result: IssueResult
let trust: Trust
let profile: any
let status: any
let credential: any
let token: string

/** Every leaf of a JSON value, with a changed copy of the whole document for each. */
function* mutations(doc: any): Generator<[string, any]> {
  const walk = function* (value: any, path: (string | number)[]): Generator<[string, any]> {
    if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) yield* walk(value[key], [...path, Array.isArray(value) ? Number(key) : key])
      return
    }
    const changed = structuredClone(doc)
    let target = changed
    for (const p of path.slice(0, -1)) target = target[p]
    const last = path[path.length - 1]!
    const v = target[last]
    target[last] = typeof v === 'string' ? (v.length ? v.slice(0, -1) + (v.endsWith('x') ? 'y' : 'x') : 'x') : typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : 'x'
    yield [path.join('.'), changed]
  }
  yield* walk(doc, [])
}

afterAll(() => rm(dir, { recursive: true, force: true }))

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'certify-attacks-'))
  await keygen({ issuerId: 'https://certif.ac-exemple.fr/eafc', name: 'Académie d’Exemple — EAFC', out: join(dir, 'keys'), passphrase: PASS, from: '2026-09-01', years: 1 })
  result = await issue({
    exports: EXPORTS,
    courseDir: join(FIX, 'course'),
    keyPath: join(dir, 'keys', 'issuer.key.pem'),
    passphrase: PASS,
    date: '2026-12-01',
    out: join(dir, 'out'),
  })
  profile = JSON.parse(await readFile(join(dir, 'keys', 'issuer.json'), 'utf8'))
  status = JSON.parse(await readFile(result.status, 'utf8'))
  trust = (await loadTrust([{ name: 'issuer.json', json: profile }], [{ name: 'status.json', json: status }])).trust
  credential = JSON.parse(await readFile(result.issued[0]!.json, 'utf8'))
  token = new TextDecoder().decode((await attachedFiles(await readFile(result.issued[0]!.pdf))).find((f) => f.name === 'qr-token.txt')!.bytes)
})

describe('tampering is detected', () => {
  it('the untouched originals verify', async () => {
    expect(await verifyBytes(enc(credential), trust)).toMatchObject({ valid: true })
    expect(await verifyToken(token, trust)).toMatchObject({ valid: true })
  })

  it('every field of the credential JSON', async () => {
    let count = 0
    for (const [path, changed] of mutations(credential)) {
      const v = await verifyBytes(enc(changed), trust)
      expect(v.valid, path).toBe(false)
      count++
    }
    expect(count).toBeGreaterThan(30)
    // Added or removed fields too.
    expect(await verifyBytes(enc({ ...credential, evidence: [{ id: 'https://x' }] }), trust)).toMatchObject({ valid: false, reason: 'bad-signature' })
    const { credentialStatus: _, ...noStatus } = credential
    expect((await verifyBytes(enc(noStatus), trust)).valid).toBe(false)
    // An issuer name changed in the document does not change whom the page names: the signature breaks.
    expect(await verifyBytes(enc({ ...credential, issuer: { ...credential.issuer, name: 'Ministère' } }), trust)).toMatchObject({ valid: false, reason: 'bad-signature' })
  })

  it('every field of the QR token, and a signature moved to another payload', async () => {
    const parts = token.split('~')
    for (let i = 0; i < parts.length; i++) {
      const changed = [...parts]
      changed[i] = changed[i]!.length ? changed[i]!.slice(0, -1) + (changed[i]!.endsWith('1') ? '2' : '1') : '20261001'
      expect((await verifyToken(changed.join('~'), trust)).valid, `field ${i}`).toBe(false)
    }
    const other = new TextDecoder().decode((await attachedFiles(await readFile(result.issued[1]!.pdf))).find((f) => f.name === 'qr-token.txt')!.bytes)
    const spliced = `${token.slice(0, token.lastIndexOf('~'))}~${other.slice(other.lastIndexOf('~') + 1)}`
    expect(await verifyToken(spliced, trust)).toMatchObject({ valid: false, reason: 'bad-signature' })
    expect(await verifyToken(token + '~', trust)).toMatchObject({ valid: false, reason: 'malformed' })
    expect(await verifyToken('PA1~' + 'x'.repeat(5000), trust)).toMatchObject({ valid: false, reason: 'malformed' })
  })

  it('the PDF: embedded credential changed, QR of another attestation, bytes cut or flipped', async () => {
    const pdf = await readFile(result.issued[0]!.pdf)
    const a = result.issued[0]!.attestation
    const base = { title: 'Attestation de formation', wording: 'a suivi', objectives: [], issuerName: 'X', issuerAddress: 'Y', signatoryRole: 'Z' }
    const changed = JSON.stringify({ ...credential, name: `${credential.name}!` }, null, 2)
    expect(await verifyBytes(await renderPdf(a, { ...base, token, credentialJson: changed }), trust)).toMatchObject({ valid: false, reason: 'bad-signature' })
    const other = new TextDecoder().decode((await attachedFiles(await readFile(result.issued[1]!.pdf))).find((f) => f.name === 'qr-token.txt')!.bytes)
    expect(await verifyBytes(await renderPdf(a, { ...base, token: other, credentialJson: JSON.stringify(credential) }), trust)).toMatchObject({
      valid: false,
      reason: 'pdf-mismatch',
    })
    expect(await verifyBytes(await renderPdf(a, { ...base, token: 'PA1~nope', credentialJson: JSON.stringify(credential) }), trust)).toMatchObject({ valid: false })
    expect((await verifyBytes(pdf.subarray(0, pdf.length / 2), trust)).valid).toBe(false)
    const files = await attachedFiles(pdf)
    expect(files.map((f) => f.name)).toEqual(['attestation.json', 'qr-token.txt'])
    // Flip one byte inside each compressed attachment.
    const text = pdf.toString('latin1')
    for (let at = text.indexOf('/Type /EmbeddedFile'); at >= 0; at = text.indexOf('/Type /EmbeddedFile', at + 1)) {
      const flipped = Buffer.from(pdf)
      const start = text.indexOf('stream\n', at) + 'stream\n'.length + 12
      flipped[start] = flipped[start]! ^ 0x55
      expect((await verifyBytes(flipped, trust)).valid).toBe(false)
    }
  })
})

describe('keys, trust and status', () => {
  it('another key, a key not in the trust list, a key outside its window', async () => {
    const intruder = generateIssuerKey()
    const { proof: _, ...unsigned } = credential
    const reSigned = await addProof(
      unsigned,
      {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-jcs-2022',
        created: credential.proof.created,
        verificationMethod: credential.proof.verificationMethod,
        proofPurpose: 'assertionMethod',
      },
      signer(intruder),
    )
    expect(await verifyBytes(enc(reSigned), trust)).toMatchObject({ valid: false, reason: 'bad-signature' })
    const elsewhere = await addProof(
      unsigned,
      {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-jcs-2022',
        created: credential.proof.created,
        verificationMethod: 'https://evil.example/issuer#key-00000000',
        proofPurpose: 'assertionMethod',
      },
      signer(intruder),
    )
    expect(await verifyBytes(enc(elsewhere), trust)).toMatchObject({ valid: false, reason: 'unknown-key' })
    const intruderToken = await signToken(result.issued[0]!.attestation, token.split('~')[1]!, signer(intruder))
    expect(await verifyToken(intruderToken, trust)).toMatchObject({ valid: false, reason: 'bad-signature' })
    const empty = (await loadTrust([], [])).trust
    expect(await verifyBytes(enc(credential), empty)).toMatchObject({ valid: false, reason: 'unknown-key' })
    expect(await verifyToken(token, empty)).toMatchObject({ valid: false, reason: 'unknown-key' })
    const expired = structuredClone(profile)
    expired.verificationMethod[0].validUntil = '2026-11-30T23:59:59Z'
    const old = (await loadTrust([{ name: 'p', json: expired }], [{ name: 's', json: status }])).trust
    expect(await verifyBytes(enc(credential), old)).toMatchObject({ valid: false, reason: 'outside-window' })
    expect(await verifyToken(token, old)).toMatchObject({ valid: false, reason: 'outside-window' })
    // A hand-edited profile (another key under the same fingerprint) is not trusted at all.
    const edited = structuredClone(profile)
    edited.verificationMethod[0].publicKeyMultibase = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'
    expect((await loadTrust([{ name: 'p', json: edited }], [])).problems).toEqual(['p: fingerprint'])
  })

  it('a status list not signed by the issuer is refused; without a list nothing is VALIDE', async () => {
    const forged = structuredClone(status)
    const list: string = forged.credentialSubject.encodedList
    forged.credentialSubject.encodedList = list.slice(0, 20) + (list[20] === 'B' ? 'C' : 'B') + list.slice(21)
    expect((await loadTrust([{ name: 'p', json: profile }], [{ name: 's', json: forged }])).problems).toEqual(['s: bad-signature'])
    const noList = (await loadTrust([{ name: 'p', json: profile }], [])).trust
    expect(await verifyBytes(enc(credential), noList)).toMatchObject({ valid: false, reason: 'status-unknown' })
    expect(await verifyToken(token, noList)).toMatchObject({ valid: false, reason: 'status-unknown' })
  })

  it('malformed and huge input', async () => {
    expect(await verifyBytes(new Uint8Array(3_000_000), trust)).toMatchObject({ valid: false, reason: 'too-large' })
    expect(await verifyBytes(new TextEncoder().encode(`{"a":"${'x'.repeat(70_000)}"}`), trust)).toMatchObject({ valid: false, reason: 'too-large' })
    expect(await verifyBytes(new Uint8Array([0xff, 0xfe, 0x00]), trust)).toMatchObject({ valid: false, reason: 'malformed' })
    expect(await verifyBytes(enc([1, 2]), trust)).toMatchObject({ valid: false, reason: 'not-attestation' })
    expect(await verifyBytes(enc({ ...credential, proof: 'x' }), trust)).toMatchObject({ valid: false })
    expect(await verifyBytes(new TextEncoder().encode('%PDF-1.7\n%garbage'), trust)).toMatchObject({ valid: false, reason: 'pdf-no-attestation' })
  })
})
