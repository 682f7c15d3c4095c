/**
 * Revocation: a W3C Bitstring Status List (https://www.w3.org/TR/vc-bitstring-status-list/),
 * itself a credential signed by the issuer. 131,072 entries (16 KB, the spec's minimum for herd
 * privacy), GZIP, multibase base64url (`u…`); bit 0 is the left-most; a set bit = revoked.
 * The verifier page holds the latest list and says « non révoquée au <validFrom of the list> ».
 * No Node API (gzip through CompressionStream, in Node ≥ 18 and every current browser).
 */
import { fromBase64url, toBase64url } from './crypto/encoding.js'
import { statusListId } from './credential.js'
import { pipeBounded as pipe } from './bounded-stream.js'

export const STATUS_LIST_SIZE = 131_072

export function newBitstring(): Uint8Array {
  return new Uint8Array(STATUS_LIST_SIZE / 8)
}

export function isSet(bits: Uint8Array, index: number): boolean {
  return ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0
}

export function setBit(bits: Uint8Array, index: number): void {
  bits[index >> 3]! |= 0x80 >> (index & 7)
}

export async function encodeList(bits: Uint8Array, gzip: (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>): Promise<string> {
  return `u${toBase64url(await gzip(bits))}`
}

export async function decodeList(encoded: string): Promise<Uint8Array> {
  if (!encoded.startsWith('u') || encoded.length > 200_000) throw new Error('not multibase base64url')
  const bits = await pipe(fromBase64url(encoded.slice(1)), new DecompressionStream('gzip'), 16 * STATUS_LIST_SIZE)
  if (bits.length * 8 < STATUS_LIST_SIZE) throw new Error('list shorter than 131,072 entries')
  return bits
}

export function statusListCredential(issuerId: string, updated: string, encodedList: string): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: statusListId(issuerId),
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerId,
    validFrom: updated,
    credentialSubject: { id: `${statusListId(issuerId)}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
  }
}
