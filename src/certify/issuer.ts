/**
 * The public issuer profile written by `keygen`: an OB 3.0 Profile with its Ed25519 key as a
 * Multikey, the key's SHA-256 fingerprint and validity window. Profiles given to `verifier` and
 * `verify` are the trust list: the issuer's name shown to an inspector comes from here, never from
 * the document being checked. No Node API (the page reads profiles too).
 */
import { multikeyToPublicKey, publicKeyToMultikey } from './crypto/encoding.js'

export interface TrustedKey {
  /** verificationMethod id: `<issuer id>#key-<kid>`. */
  id: string
  /** First 8 hex digits of the fingerprint (the QR token's key id). */
  kid: string
  publicKey: Uint8Array
  fingerprint: string
  issuerId: string
  issuerName: string
  validFrom: string
  validUntil: string
}

export function keyId(issuerId: string, fingerprint: string): string {
  return `${issuerId}#key-${fingerprint.slice(0, 8)}`
}

export function buildProfile(o: {
  issuerId: string
  name: string
  address?: string
  publicKey: Uint8Array
  fingerprint: string
  validFrom: string
  validUntil: string
}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: o.issuerId,
    type: ['Profile'],
    name: o.name,
    ...(o.address && { address: { type: ['Address'], streetAddress: o.address } }),
    verificationMethod: [
      {
        id: keyId(o.issuerId, o.fingerprint),
        type: 'Multikey',
        controller: o.issuerId,
        publicKeyMultibase: publicKeyToMultikey(o.publicKey),
        fingerprint: `sha256:${o.fingerprint}`,
        validFrom: o.validFrom,
        validUntil: o.validUntil,
      },
    ],
  }
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

/** The keys a profile vouches for, or why it cannot be used. `fingerprintOf` hashes the raw key. */
export async function trustedKeysOf(json: unknown, fingerprintOf: (key: Uint8Array) => Promise<string>): Promise<TrustedKey[] | { error: string }> {
  const p = json as Record<string, any>
  if (!p || typeof p !== 'object' || !Array.isArray(p.type) || !p.type.includes('Profile')) return { error: 'not a Profile' }
  if (typeof p.id !== 'string' || !/^https:\/\/[^\s#]+$/.test(p.id)) return { error: 'id' }
  if (typeof p.name !== 'string' || !p.name.trim() || p.name.length > 200) return { error: 'name' }
  if (!Array.isArray(p.verificationMethod) || !p.verificationMethod.length) return { error: 'verificationMethod' }
  const keys: TrustedKey[] = []
  for (const m of p.verificationMethod) {
    if (!m || m.type !== 'Multikey' || typeof m.id !== 'string' || m.controller !== p.id || typeof m.publicKeyMultibase !== 'string') return { error: 'verificationMethod' }
    if (!DATETIME.test(m.validFrom) || !DATETIME.test(m.validUntil) || m.validFrom >= m.validUntil) return { error: 'validFrom/validUntil' }
    let publicKey: Uint8Array
    try {
      publicKey = multikeyToPublicKey(m.publicKeyMultibase)
    } catch {
      return { error: 'publicKeyMultibase' }
    }
    const fingerprint = await fingerprintOf(publicKey)
    // The printed fingerprint must be this key's: a hand-edited profile is refused, not half-trusted.
    if (m.fingerprint !== `sha256:${fingerprint}` || m.id !== keyId(p.id, fingerprint)) return { error: 'fingerprint' }
    keys.push({ id: m.id, kid: fingerprint.slice(0, 8), publicKey, fingerprint, issuerId: p.id, issuerName: p.name.trim(), validFrom: m.validFrom, validUntil: m.validUntil })
  }
  return keys
}
