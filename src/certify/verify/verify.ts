/**
 * One verification for the command line and the inspector's page (bundled into verifier.html):
 * a credential JSON, a PDF carrying one, or a QR token → VALIDE with what it states, or INVALIDE
 * with the reason. Every check that can fail has its own reason code (worded in verdict-text.ts).
 * No Node API.
 */
import type { Attestation } from '../attestation.js'
import { attestationOf } from '../credential.js'
import { verifyProof } from '../crypto/di-proof.js'
import { sha256, verifyEd25519 } from '../crypto/ed25519.js'
import { fromUtf8, toHex } from '../crypto/encoding.js'
import { trustedKeysOf, type TrustedKey } from '../issuer.js'
import { decodeList, isSet } from '../status-list.js'
import { parseToken } from '../token.js'
import { attachedFiles } from './pdf-attachment.js'

export const MAX_FILE_BYTES = 2_000_000
export const MAX_JSON_BYTES = 64_000

export interface StatusSnapshot {
  issuerId: string
  listId: string
  /** validFrom of the list: « non révoquée au … ». */
  updated: string
  bits: Uint8Array
}

export interface Trust {
  keys: TrustedKey[]
  status: StatusSnapshot[]
}

export type Reason =
  | 'too-large'
  | 'malformed'
  | 'not-attestation'
  | 'unknown-key'
  | 'issuer-mismatch'
  | 'outside-window'
  | 'bad-signature'
  | 'revoked'
  | 'status-unknown'
  | 'pdf-no-attestation'
  | 'pdf-mismatch'

export type Verdict =
  | { valid: true; source: 'json' | 'pdf' | 'qr'; attestation: Attestation; issuerName: string; keyId: string; statusDate: string; criteria?: string }
  | { valid: false; source: 'json' | 'pdf' | 'qr' | 'unknown'; reason: Reason; detail?: string }

export const fingerprintOf = async (key: Uint8Array): Promise<string> => toHex(await sha256(key))

/** Builds the trust list from issuer profiles and signed status lists; problems name the file. */
export async function loadTrust(profiles: { name: string; json: unknown }[], lists: { name: string; json: unknown }[]): Promise<{ trust: Trust; problems: string[] }> {
  const problems: string[] = []
  const keys: TrustedKey[] = []
  for (const p of profiles) {
    const found = await trustedKeysOf(p.json, fingerprintOf)
    if ('error' in found) problems.push(`${p.name}: ${found.error}`)
    else keys.push(...found)
  }
  const status: StatusSnapshot[] = []
  for (const l of lists) {
    const o = l.json as Record<string, any>
    const issuerId = typeof o?.issuer === 'string' ? o.issuer : o?.issuer?.id
    const key = keys.find((k) => k.id === o?.proof?.verificationMethod && k.issuerId === issuerId)
    if (!key || !Array.isArray(o?.type) || !o.type.includes('BitstringStatusListCredential') || typeof o.validFrom !== 'string') {
      problems.push(`${l.name}: ${key ? 'not a BitstringStatusListCredential' : 'not signed by a trusted key'}`)
      continue
    }
    const checked = await verifyProof(o, key.publicKey)
    if (!checked.ok) {
      problems.push(`${l.name}: ${checked.why}`)
      continue
    }
    try {
      status.push({ issuerId, listId: o.id, updated: o.validFrom, bits: await decodeList(o.credentialSubject?.encodedList) })
    } catch (e) {
      problems.push(`${l.name}: ${(e as Error).message}`)
    }
  }
  return { trust: { keys, status }, problems }
}

function withinWindow(key: TrustedKey, instant: string): boolean {
  return instant >= key.validFrom && instant <= key.validUntil
}

function statusOf(trust: Trust, issuerId: string, listId: string | undefined, index: number | undefined): { revoked: boolean; date: string } | undefined {
  const list = trust.status.find((s) => s.issuerId === issuerId && (listId === undefined || s.listId === listId))
  if (!list || index === undefined || index >= list.bits.length * 8) return undefined
  return { revoked: isSet(list.bits, index), date: list.updated }
}

export async function verifyCredentialJson(json: unknown, trust: Trust, source: 'json' | 'pdf' = 'json'): Promise<Verdict> {
  const read = attestationOf(json)
  if ('error' in read) return { valid: false, source, reason: 'not-attestation', detail: read.error }
  const key = trust.keys.find((k) => k.id === read.verificationMethod)
  if (!key) return { valid: false, source, reason: 'unknown-key', detail: read.verificationMethod }
  if (key.issuerId !== read.issuerId) return { valid: false, source, reason: 'issuer-mismatch' }
  const checked = await verifyProof(json as Record<string, unknown>, key.publicKey)
  if (!checked.ok) return { valid: false, source, reason: checked.why === 'bad-signature' ? 'bad-signature' : 'malformed', detail: checked.why }
  if (!withinWindow(key, read.created) || !withinWindow(key, `${read.attestation.issuedOn}T00:00:00Z`))
    return { valid: false, source, reason: 'outside-window', detail: `${key.validFrom} → ${key.validUntil}` }
  const status = statusOf(trust, key.issuerId, read.statusList, read.attestation.statusIndex)
  if (!status) return { valid: false, source, reason: 'status-unknown' }
  if (status.revoked) return { valid: false, source, reason: 'revoked', detail: status.date }
  return { valid: true, source, attestation: read.attestation, issuerName: key.issuerName, keyId: key.id, statusDate: status.date, criteria: read.criteria }
}

/** The QR token: signed by a trusted key within its window, and not revoked (its status index). */
export async function verifyToken(text: string, trust: Trust): Promise<Verdict> {
  const parsed = parseToken(text)
  if (!parsed) return { valid: false, source: 'qr', reason: 'malformed' }
  const key = trust.keys.find((k) => k.kid === parsed.kid)
  if (!key) return { valid: false, source: 'qr', reason: 'unknown-key', detail: parsed.kid }
  if (!(await verifyEd25519(key.publicKey, parsed.signed, parsed.signature))) return { valid: false, source: 'qr', reason: 'bad-signature' }
  if (!withinWindow(key, `${parsed.attestation.issuedOn}T00:00:00Z`))
    return { valid: false, source: 'qr', reason: 'outside-window', detail: `${key.validFrom} → ${key.validUntil}` }
  const status = statusOf(trust, key.issuerId, undefined, parsed.attestation.statusIndex)
  if (!status) return { valid: false, source: 'qr', reason: 'status-unknown' }
  if (status.revoked) return { valid: false, source: 'qr', reason: 'revoked', detail: status.date }
  return { valid: true, source: 'qr', attestation: parsed.attestation, issuerName: key.issuerName, keyId: key.id, statusDate: status.date }
}

function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && fromUtf8Lenient(bytes.subarray(0, 5)) === '%PDF-'
}

function fromUtf8Lenient(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes)
}

/** A file dropped on the page or named on the command line. */
export async function verifyBytes(bytes: Uint8Array, trust: Trust): Promise<Verdict> {
  if (bytes.length > MAX_FILE_BYTES) return { valid: false, source: 'unknown', reason: 'too-large' }
  if (looksLikePdf(bytes)) return verifyPdf(bytes, trust)
  if (bytes.length > MAX_JSON_BYTES) return { valid: false, source: 'json', reason: 'too-large' }
  let json: unknown
  try {
    json = JSON.parse(fromUtf8(bytes))
  } catch {
    const text = fromUtf8Lenient(bytes).trim()
    if (text.startsWith('PA1~')) return verifyToken(text, trust)
    return { valid: false, source: 'json', reason: 'malformed' }
  }
  return verifyCredentialJson(json, trust)
}

/**
 * A PDF is valid when the credential it carries is, and when the QR token it carries (the same
 * one its QR code shows) states exactly the same attestation: a PDF whose embedded original
 * belongs to someone else is refused.
 */
export async function verifyPdf(bytes: Uint8Array, trust: Trust): Promise<Verdict> {
  let files: { name: string; bytes: Uint8Array }[]
  try {
    files = await attachedFiles(bytes)
  } catch {
    return { valid: false, source: 'pdf', reason: 'malformed' }
  }
  const json = files.find((f) => f.name.endsWith('.json'))
  const token = files.find((f) => f.name.endsWith('.txt'))
  if (!json || !token) return { valid: false, source: 'pdf', reason: 'pdf-no-attestation' }
  let parsed: unknown
  try {
    parsed = JSON.parse(fromUtf8(json.bytes))
  } catch {
    return { valid: false, source: 'pdf', reason: 'malformed' }
  }
  const verdict = await verifyCredentialJson(parsed, trust, 'pdf')
  if (!verdict.valid) return verdict
  const qr = await verifyToken(fromUtf8(token.bytes), trust)
  if (!qr.valid) return { ...qr, source: 'pdf' }
  if (JSON.stringify(qr.attestation) !== JSON.stringify(verdict.attestation)) return { valid: false, source: 'pdf', reason: 'pdf-mismatch' }
  return verdict
}
