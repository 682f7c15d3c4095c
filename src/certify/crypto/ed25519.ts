/**
 * Ed25519 verification for the CLI and the verifier page: WebCrypto where the runtime has it
 * (Node ≥ 18.4, Chrome ≥ 137, Firefox ≥ 129, Safari ≥ 17), else @noble/ed25519 (audited, small,
 * no dependency), which hashes with WebCrypto's SHA-512, available in every browser.
 */
import * as noble from '@noble/ed25519'

let webCrypto: boolean | undefined

/**
 * The primitives only (SHA-256, Ed25519 verify) can come from the platform: the command line plugs
 * node:crypto in (synchronous, 5× faster than Node's WebCrypto for small inputs); the page keeps
 * WebCrypto. Everything above the primitives (JCS, hashes order, checks) is the same code.
 */
export interface CryptoProvider {
  sha256(bytes: Uint8Array): Uint8Array
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean
}

let provider: CryptoProvider | undefined

export function useCryptoProvider(p: CryptoProvider | undefined): void {
  provider = p
}

async function hasWebCryptoEd25519(): Promise<boolean> {
  if (webCrypto !== undefined) return webCrypto
  try {
    await crypto.subtle.importKey('raw', new Uint8Array(32).fill(1), { name: 'Ed25519' }, false, ['verify'])
    webCrypto = true
  } catch {
    webCrypto = false
  }
  return webCrypto
}

/** Which implementation verifies (shown by the verifier page, tested both ways). */
export async function ed25519Backend(): Promise<'webcrypto' | 'noble'> {
  return (await hasWebCryptoEd25519()) ? 'webcrypto' : 'noble'
}

/** For tests: force the fallback. */
export function forceNobleFallback(on: boolean): void {
  webCrypto = on ? false : undefined
}

const keys = new Map<string, ReturnType<typeof crypto.subtle.importKey>>()

export async function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false
  if (provider) return provider.verify(publicKey, message, signature)
  if (await hasWebCryptoEd25519()) {
    const id = String.fromCharCode(...publicKey)
    let key = keys.get(id)
    if (!key) {
      key = crypto.subtle.importKey('raw', publicKey as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify'])
      keys.set(id, key)
    }
    try {
      return await crypto.subtle.verify({ name: 'Ed25519' }, await key, signature as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>)
    } catch {
      return false
    }
  }
  try {
    return await noble.verifyAsync(signature, message, publicKey)
  } catch {
    return false
  }
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  if (provider) return provider.sha256(bytes)
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
}
