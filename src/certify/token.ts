/**
 * The QR code's compact signed token: the printed fields and an Ed25519 signature, small enough
 * for a QR code read from paper (about 200–330 bytes: version 10–13 at error correction M).
 *
 *   PA1~<kid>~<id>~<name>~<parcours>~<minutes>~<completed>~<started|>~<issued>~<R|T>~<status index>~<signature>
 *
 * kid = 8 hex digits of the key fingerprint; id = the attestation UUID in base64url (22 chars);
 * dates as YYYYMMDD; R = Réussi, T = Terminé; the signature (base64url, 86 chars) covers the UTF-8
 * bytes of everything before the last `~`. `~` and `%` inside a text are percent-escaped.
 * A JWS would base64 the payload (a third bigger) and repeat a JSON header: too dense to print.
 * No Node API: the verifier page runs this file.
 */
import type { Attestation, ResultLabel } from './attestation.js'
import { fromBase64url, fromHex, toBase64url, toHex, utf8 } from './crypto/encoding.js'

export const TOKEN_PREFIX = 'PA1'
export const MAX_TOKEN_LENGTH = 1200

const esc = (text: string) => text.replace(/%/g, '%25').replace(/~/g, '%7E')
const unesc = (text: string) => text.replace(/%7E/gi, '~').replace(/%25/g, '%')
const compactDay = (day: string) => day.replace(/-/g, '')
const fullDay = (day: string) => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`

export function uuidToBase64url(id: string): string {
  return toBase64url(fromHex(id.replace(/^urn:uuid:/, '').replace(/-/g, '')))
}

export function base64urlToUuid(text: string): string {
  const h = toHex(fromBase64url(text))
  if (h.length !== 32) throw new Error('bad id')
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export function tokenPayload(a: Attestation, kid: string): string {
  return [
    TOKEN_PREFIX,
    kid,
    uuidToBase64url(a.id),
    esc(a.name),
    esc(a.parcours),
    String(a.durationMinutes),
    compactDay(a.completedOn),
    a.startedOn ? compactDay(a.startedOn) : '',
    compactDay(a.issuedOn),
    a.result === 'Réussi' ? 'R' : 'T',
    String(a.statusIndex),
  ].join('~')
}

export async function signToken(a: Attestation, kid: string, sign: (data: Uint8Array) => Uint8Array | Promise<Uint8Array>): Promise<string> {
  const payload = tokenPayload(a, kid)
  return `${payload}~${toBase64url(await sign(utf8(payload)))}`
}

export type ParsedToken = { kid: string; attestation: Attestation; signed: Uint8Array; signature: Uint8Array }

/** Parses without verifying; undefined when the text is not a well-formed token. */
export function parseToken(token: string): ParsedToken | undefined {
  const text = token.trim()
  if (text.length > MAX_TOKEN_LENGTH) return undefined
  const cut = text.lastIndexOf('~')
  const parts = text.split('~')
  if (parts.length !== 12 || parts[0] !== TOKEN_PREFIX) return undefined
  const [, kid, id, name, parcours, minutes, completed, started, issued, result, index, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  if (
    !/^[0-9a-f]{8}$/.test(kid) ||
    !/^[A-Za-z0-9_-]{22}$/.test(id) ||
    !/^\d{1,6}$/.test(minutes) ||
    !/^\d{8}$/.test(completed) ||
    !/^(\d{8})?$/.test(started) ||
    !/^\d{8}$/.test(issued) ||
    !/^[RT]$/.test(result) ||
    !/^\d{1,9}$/.test(index) ||
    !/^[A-Za-z0-9_-]{86}$/.test(signature)
  )
    return undefined
  try {
    const attestation: Attestation = {
      id: base64urlToUuid(id),
      name: unesc(name),
      parcours: unesc(parcours),
      durationMinutes: Number(minutes),
      completedOn: fullDay(completed),
      ...(started && { startedOn: fullDay(started) }),
      issuedOn: fullDay(issued),
      result: (result === 'R' ? 'Réussi' : 'Terminé') as ResultLabel,
      statusIndex: Number(index),
    }
    return { kid, attestation, signed: utf8(text.slice(0, cut)), signature: fromBase64url(signature) }
  } catch {
    return undefined
  }
}
