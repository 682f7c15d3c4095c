/**
 * Key files on the issuer's machine (Node only): `keygen` writes a passphrase-encrypted private key
 * (mode 0600, never overwritten) and the public issuer profile; `openIssuer` reads both back and
 * checks that they belong together.
 */
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { CertifyError, fail, problem } from './problems.js'
import { buildProfile, trustedKeysOf, type TrustedKey } from './issuer.js'
import { encryptedPem, fingerprint, generateIssuerKey, openPem, type IssuerKey } from './crypto/node-keys.js'
import { equalBytes } from './crypto/encoding.js'
import { fingerprintOf } from './verify/verify.js'

export const KEY_FILE = 'issuer.key.pem'
export const PROFILE_FILE = 'issuer.json'
export const MIN_PASSPHRASE = 12

export interface KeygenOptions {
  issuerId: string
  name: string
  address?: string
  out: string
  passphrase: string
  /** Start of validity, YYYY-MM-DD (default today). */
  from: string
  years: number
}

export async function keygen(o: KeygenOptions): Promise<{ keyPath: string; profilePath: string; fingerprint: string; validFrom: string; validUntil: string }> {
  if (o.passphrase.length < MIN_PASSPHRASE) fail('key/weak-passphrase', KEY_FILE, undefined, { length: o.passphrase.length })
  const keyPath = join(o.out, KEY_FILE)
  const profilePath = join(o.out, PROFILE_FILE)
  const key = generateIssuerKey()
  const print = fingerprint(key.publicKey)
  const [y, m, d] = o.from.split('-').map(Number)
  const validFrom = `${o.from}T00:00:00Z`
  const validUntil = new Date(Date.UTC(y! + o.years, m! - 1, d!) - 1000).toISOString().replace('.000', '')
  const profile = buildProfile({
    issuerId: o.issuerId,
    name: o.name,
    ...(o.address && { address: o.address }),
    publicKey: key.publicKey,
    fingerprint: print,
    validFrom,
    validUntil,
  })
  await mkdir(o.out, { recursive: true })
  // Refuse before writing anything; then 'wx' makes the write itself fail if a file appeared meanwhile.
  for (const path of [keyPath, profilePath]) if (await exists(path)) fail('key/exists', path, undefined, { path })
  await exclusive(keyPath, encryptedPem(key.privateKey, o.passphrase), 0o600)
  try {
    await exclusive(profilePath, `${JSON.stringify(profile, null, 2)}\n`, 0o644)
  } catch (e) {
    await rm(keyPath)
    throw e
  }
  return { keyPath, profilePath, fingerprint: print, validFrom, validUntil }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

async function exclusive(path: string, text: string, mode: number): Promise<void> {
  try {
    await writeFile(path, text, { flag: 'wx', mode })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') fail('key/exists', path, undefined, { path })
    throw e
  }
}

export interface OpenIssuer {
  key: IssuerKey
  trusted: TrustedKey
  profilePath: string
}

/** The private key and its profile (default: issuer.json beside the key). */
export async function openIssuer(keyPath: string, passphrase: string, profilePath = join(dirname(keyPath), PROFILE_FILE)): Promise<OpenIssuer> {
  let pem: string
  try {
    pem = await readFile(keyPath, 'utf8')
  } catch (e) {
    throw new CertifyError(problem('key/not-ed25519', keyPath, undefined, { path: keyPath }))
  }
  let key: IssuerKey
  try {
    key = openPem(pem, passphrase)
  } catch (e) {
    fail((e as Error).message === 'not-ed25519' ? 'key/not-ed25519' : 'key/bad-passphrase', keyPath, undefined, { path: keyPath })
  }
  let json: unknown
  try {
    json = JSON.parse(await readFile(profilePath, 'utf8'))
  } catch (e) {
    fail('key/profile-invalid', profilePath, undefined, { reason: (e as Error).message.slice(0, 80) })
  }
  const keys = await trustedKeysOf(json, fingerprintOf)
  if ('error' in keys) fail('key/profile-invalid', profilePath, undefined, { reason: keys.error })
  const trusted = keys.find((k) => equalBytes(k.publicKey, key.publicKey))
  if (!trusted) fail('key/profile-mismatch', keyPath, undefined, { path: keyPath, profile: profilePath })
  return { key, trusted, profilePath }
}
