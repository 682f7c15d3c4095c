/**
 * Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite (W3C vc-di-eddsa, §3.3):
 * hashData = SHA-256(JCS(proof options)) ‖ SHA-256(JCS(document without proof)), signed with
 * pure Ed25519; proofValue = multibase base58-btc of the signature.
 * https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022
 * No Node API: the verifier page runs this same file.
 */
import canonicalize from 'canonicalize'
import { sha256, verifyEd25519 } from './ed25519.js'
import { fromMultibase58, toMultibase58, utf8 } from './encoding.js'

export interface ProofOptions {
  type: 'DataIntegrityProof'
  cryptosuite: 'eddsa-jcs-2022'
  created: string
  verificationMethod: string
  proofPurpose: 'assertionMethod'
  '@context'?: unknown
}

export type Proof = ProofOptions & { proofValue: string }

export function jcs(value: unknown): string {
  const text = canonicalize(value)
  if (text === undefined) throw new Error('cannot canonicalize')
  return text
}

const XSD_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** The 64 bytes that are signed: proof config hash first (vc-di-eddsa §3.3.4). */
export async function hashData(document: Record<string, unknown>, options: ProofOptions): Promise<Uint8Array> {
  if (options.type !== 'DataIntegrityProof' || options.cryptosuite !== 'eddsa-jcs-2022') throw new Error('PROOF_TRANSFORMATION_ERROR')
  if (!XSD_DATETIME.test(options.created)) throw new Error('PROOF_GENERATION_ERROR: created')
  const [proofHash, docHash] = await Promise.all([sha256(utf8(jcs(options))), sha256(utf8(jcs(document)))])
  const out = new Uint8Array(64)
  out.set(proofHash, 0)
  out.set(docHash, 32)
  return out
}

/** Adds a proof; `sign` is the issuer's Ed25519 signer (the private key never enters this module). */
export async function addProof<T extends Record<string, unknown>>(
  document: T,
  options: Omit<ProofOptions, '@context'>,
  sign: (data: Uint8Array) => Uint8Array | Promise<Uint8Array>,
): Promise<T & { proof: Proof }> {
  // The spec strongly advises copying the document's @context into the proof (§3.3.1 step 2).
  const full: ProofOptions = { ...options, ...('@context' in document && { '@context': document['@context'] }) }
  const signature = await sign(await hashData(document, full))
  return { ...document, proof: { ...full, proofValue: toMultibase58(signature) } }
}

export type ProofCheck = { ok: true; proof: Proof } | { ok: false; why: 'no-proof' | 'malformed-proof' | 'context-mismatch' | 'bad-signature' }

/** Verifies the proof with the given public key (the caller chose it from the trust list). */
export async function verifyProof(secured: Record<string, unknown>, publicKey: Uint8Array): Promise<ProofCheck> {
  const proof = secured.proof as Record<string, unknown> | undefined
  if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return { ok: false, why: 'no-proof' }
  const { proofValue, ...options } = proof
  if (
    typeof proofValue !== 'string' ||
    options.type !== 'DataIntegrityProof' ||
    options.cryptosuite !== 'eddsa-jcs-2022' ||
    typeof options.created !== 'string' ||
    typeof options.verificationMethod !== 'string' ||
    options.proofPurpose !== 'assertionMethod'
  ) {
    return { ok: false, why: 'malformed-proof' }
  }
  const { proof: _, ...document } = secured
  // §3.3.2 step 2: the document's @context must start with the proof's.
  if (options['@context'] !== undefined) {
    const mine = options['@context']
    const theirs = document['@context']
    if (!Array.isArray(mine) || !Array.isArray(theirs) || theirs.length < mine.length || mine.some((c, i) => jcs(c) !== jcs(theirs[i])))
      return { ok: false, why: 'context-mismatch' }
  }
  let signature: Uint8Array
  let data: Uint8Array
  try {
    signature = fromMultibase58(proofValue)
    data = await hashData(document, options as unknown as ProofOptions)
  } catch {
    return { ok: false, why: 'malformed-proof' }
  }
  if (!(await verifyEd25519(publicKey, data, signature))) return { ok: false, why: 'bad-signature' }
  return { ok: true, proof: proof as unknown as Proof }
}
