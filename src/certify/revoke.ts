/**
 * `certify revoke`: marks an attestation revoked in the register (with the date and reason, which
 * stay with the issuer) and re-signs the status list from the register (the list only holds
 * bits: it says nothing about who or why). Both files are replaced atomically.
 */
import { readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { isDay } from './attestation.js'
import { signedStatusList } from './issue.js'
import { openIssuer } from './keys.js'
import { fail } from './problems.js'
import { readRegister, writeRegister, type RegisterRow } from './register.js'
import { newBitstring, setBit } from './status-list.js'

export interface RevokeOptions {
  register: string
  id: string
  reason: string
  keyPath: string
  issuerPath?: string
  passphrase: string
  date: string
  /** Status list to rewrite (default: status.json beside the register). */
  status?: string
}

export async function revoke(o: RevokeOptions): Promise<{ row: RegisterRow; status: string; revoked: number }> {
  if (!o.reason.trim()) fail('revoke/no-reason', '--reason')
  if (!isDay(o.date)) fail('issue/bad-date', '--date', undefined, { value: o.date })
  let rows: RegisterRow[]
  try {
    rows = readRegister(await readFile(o.register, 'utf8'))
  } catch (e) {
    fail('register/invalid', o.register, undefined, { reason: (e as Error).message })
  }
  const id = o.id.startsWith('urn:uuid:') ? o.id : `urn:uuid:${o.id}`
  const row = rows.find((r) => r.id === id)
  if (!row) fail('register/unknown-id', o.register, undefined, { id })
  if (row.status === 'révoquée') fail('register/already-revoked', o.register, undefined, { id, date: row.revokedOn })
  const issuer = await openIssuer(o.keyPath, o.passphrase, o.issuerPath)
  row.status = 'révoquée'
  row.revokedOn = o.date
  row.reason = o.reason.trim()
  const bits = newBitstring()
  for (const r of rows) if (r.status === 'révoquée') setBit(bits, r.statusIndex)
  const status = o.status ?? join(dirname(o.register), 'status.json')
  const list = await signedStatusList(issuer, bits, `${o.date}T00:00:00Z`)
  await replace(status, list)
  await replace(o.register, writeRegister(rows), 0o600)
  return { row, status, revoked: rows.filter((r) => r.status === 'révoquée').length }
}

async function replace(path: string, text: string, mode?: number): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, text, mode ? { mode } : {})
  await rename(tmp, path)
}
