/** eddsa-jcs-2022 against the W3C vc-di-eddsa test vector (test/fixtures/certify/w3c-eddsa-jcs-2022.json). */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addProof, hashData, jcs, verifyProof, type ProofOptions } from '../../../src/certify/crypto/di-proof.js'
import { forceNobleFallback, useCryptoProvider } from '../../../src/certify/crypto/ed25519.js'
import { nodeCrypto } from '../../../src/certify/crypto/node-provider.js'
import { multikeyToPublicKey, multikeyToSeed, publicKeyToMultikey, toHex } from '../../../src/certify/crypto/encoding.js'
import { keyFromSeed, signer } from '../../../src/certify/crypto/node-keys.js'

const V = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/certify/w3c-eddsa-jcs-2022.json'), 'utf8'))

describe('eddsa-jcs-2022 (W3C test vector)', () => {
  afterEach(() => {
    forceNobleFallback(false)
    useCryptoProvider(undefined)
  })
  const key = keyFromSeed(multikeyToSeed(V.keyPair.privateKeyMultibase))

  it('derives the vector public key from its private key', () => {
    expect(publicKeyToMultikey(key.publicKey)).toBe(V.keyPair.publicKeyMultibase)
  })

  it('canonicalizes the document and the proof config, and hashes them in the spec order', async () => {
    expect(jcs(V.unsigned)).toBe(V.canonicalDocument)
    expect(jcs(V.proofConfig)).toBe(V.canonicalProofConfig)
    expect(toHex(await hashData(V.unsigned, V.proofConfig as ProofOptions))).toBe(V.combinedHashHex)
  })

  it('signs byte for byte like the vector', async () => {
    const { '@context': _, ...options } = V.proofConfig
    const signed = await addProof(V.unsigned, options, signer(key))
    expect(signed.proof.proofValue).toBe(V.proofValue)
    expect(signed).toEqual(V.signed)
  })

  for (const backend of ['webcrypto', 'noble', 'node:crypto']) {
    it(`verifies the vector and rejects any change (${backend})`, async () => {
      forceNobleFallback(backend === 'noble')
      if (backend === 'node:crypto') useCryptoProvider(nodeCrypto)
      const pub = multikeyToPublicKey(V.keyPair.publicKeyMultibase)
      expect(await verifyProof(V.signed, pub)).toMatchObject({ ok: true })
      const tampered = structuredClone(V.signed)
      tampered.credentialSubject.alumniOf = 'The School of Fakes'
      expect(await verifyProof(tampered, pub)).toEqual({ ok: false, why: 'bad-signature' })
      const otherCreated = structuredClone(V.signed)
      otherCreated.proof.created = '2023-02-24T23:36:39Z'
      expect(await verifyProof(otherCreated, pub)).toEqual({ ok: false, why: 'bad-signature' })
      const otherContext = structuredClone(V.signed)
      otherContext['@context'] = ['https://www.w3.org/ns/credentials/v2']
      expect(await verifyProof(otherContext, pub)).toEqual({ ok: false, why: 'context-mismatch' })
      expect(await verifyProof({ ...V.signed, proof: { ...V.signed.proof, proofValue: 'zzz' } }, pub)).toMatchObject({ ok: false })
      const other = keyFromSeed(new Uint8Array(32).fill(7))
      expect(await verifyProof(V.signed, other.publicKey)).toEqual({ ok: false, why: 'bad-signature' })
    })
  }
})
