/**
 * The issuer's key on the issuer's machine (Node only): Ed25519, kept as a passphrase-encrypted
 * PKCS#8 PEM (PBES2: PBKDF2 and AES-256-CBC, as OpenSSL writes it). Signing is
 * node:crypto's one-shot `sign(null, …)`, which Node requires for Ed25519.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as edSign, type KeyObject } from 'node:crypto'

export interface IssuerKey {
  privateKey: KeyObject
  publicKey: Uint8Array
}

export function generateIssuerKey(): IssuerKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return { privateKey, publicKey: rawPublicKey(publicKey) }
}

export function rawPublicKey(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' }) as { x?: string }
  return new Uint8Array(Buffer.from(jwk.x!, 'base64url'))
}

export function encryptedPem(key: KeyObject, passphrase: string): string {
  return key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string
}

/** Throws 'bad-passphrase' or 'not-ed25519'. */
export function openPem(pem: string, passphrase: string): IssuerKey {
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem', passphrase })
  } catch {
    throw new Error('bad-passphrase')
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not-ed25519')
  return { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) }
}

/** A key from a raw 32-byte seed (the W3C test vector's private key). */
export function keyFromSeed(seed: Uint8Array): IssuerKey {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seed)])
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
  return { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) }
}

export function signer(key: IssuerKey): (data: Uint8Array) => Uint8Array {
  return (data) => new Uint8Array(edSign(null, data, key.privateKey))
}

/** SHA-256 of the raw public key, hex: what an IEN compares on the phone with the académie. */
export function fingerprint(publicKey: Uint8Array): string {
  return createHash('sha256').update(publicKey).digest('hex')
}

/** A secret derived from the private key, for deterministic ids that nobody else can predict. */
export function derivedSecret(key: IssuerKey, label: string): Buffer {
  return createHash('sha256')
    .update(edSign(null, Buffer.from(`parcours-certify/${label}`), key.privateKey))
    .digest()
}
