/** node:crypto primitives for the shared verification code (see CryptoProvider in ed25519.ts). */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto'
import type { CryptoProvider } from './ed25519.js'

const keys = new Map<string, KeyObject>()

export const nodeCrypto: CryptoProvider = {
  sha256: (bytes) => new Uint8Array(createHash('sha256').update(bytes).digest()),
  verify(publicKey, message, signature) {
    const id = Buffer.from(publicKey).toString('base64url')
    let key = keys.get(id)
    if (!key) {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: id }, format: 'jwk' })
      keys.set(id, key)
    }
    try {
      return verify(null, message, key, signature)
    } catch {
      return false
    }
  },
}
