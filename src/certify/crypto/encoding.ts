/** Byte encodings shared by the CLI and the verifier page (no Node API here). */
import { base58, base64urlnopad, hex } from '@scure/base'

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
export const fromUtf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes)
export const toHex = (bytes: Uint8Array): string => hex.encode(bytes)
export const fromHex = (text: string): Uint8Array => hex.decode(text)
export const toBase64url = (bytes: Uint8Array): string => base64urlnopad.encode(bytes)
export const fromBase64url = (text: string): Uint8Array => base64urlnopad.decode(text)

/** Multibase base58-btc: `z` + base58 (https://www.w3.org/TR/controller-document/#multibase-0). */
export function toMultibase58(bytes: Uint8Array): string {
  return `z${base58.encode(bytes)}`
}

export function fromMultibase58(text: string): Uint8Array {
  if (!text.startsWith('z')) throw new Error('not multibase base58-btc')
  return base58.decode(text.slice(1))
}

const ED25519_PUB = [0xed, 0x01]
const ED25519_PRIV = [0x80, 0x26]

/** Multikey public key `z6Mk…`: multicodec ed25519-pub (0xed 0x01) + 32 bytes. */
export function publicKeyToMultikey(raw: Uint8Array): string {
  return toMultibase58(Uint8Array.from([...ED25519_PUB, ...raw]))
}

export function multikeyToPublicKey(multikey: string): Uint8Array {
  const bytes = fromMultibase58(multikey)
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1]) throw new Error('not an Ed25519 Multikey')
  return bytes.slice(2)
}

/** Multikey private key `z3u2…` (the W3C test vectors' form): 0x80 0x26 + 32-byte seed. */
export function multikeyToSeed(multikey: string): Uint8Array {
  const bytes = fromMultibase58(multikey)
  if (bytes.length !== 34 || bytes[0] !== ED25519_PRIV[0] || bytes[1] !== ED25519_PRIV[1]) throw new Error('not an Ed25519 private Multikey')
  return bytes.slice(2)
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
