/**
 * The issuer's register of attestations (register.csv): one row per attestation, kept by the
 * issuer (a processing of personal data to list in the registre des traitements: see the README).
 * UTF-8 with BOM (Excel opens it with its accents), every cell quoted, and any cell a spreadsheet
 * would run as a formula (= + - @, tab, CR at the start) prefixed with `'` (OWASP CSV injection).
 */
import { CsvTokenizer } from './exports/csv.js'

export interface RegisterRow {
  id: string
  statusIndex: number
  name: string
  parcours: string
  completedOn: string
  issuedOn: string
  status: 'valide' | 'révoquée'
  revokedOn: string
  reason: string
}

export const REGISTER_HEADER = ['id', 'index_statut', 'nom', 'parcours', 'achevee_le', 'delivree_le', 'statut', 'revoquee_le', 'motif'] as const

export function safeCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${text.replace(/"/g, '""')}"`
}

export function writeRegister(rows: RegisterRow[]): string {
  const lines = [REGISTER_HEADER.map(safeCell).join(',')]
  for (const r of rows) lines.push([r.id, String(r.statusIndex), r.name, r.parcours, r.completedOn, r.issuedOn, r.status, r.revokedOn, r.reason].map(safeCell).join(','))
  return `\ufeff${lines.join('\n')}\n`
}

/** Throws an Error with the reason (the caller turns it into register/invalid). */
export function readRegister(text: string): RegisterRow[] {
  const tokenizer = new CsvTokenizer(',')
  const records = tokenizer.push(text.replace(/^\ufeff/, ''))
  const { last, end } = tokenizer.end()
  if (end.kind !== 'ok' || last) throw new Error(`truncated (line ${end.kind === 'ok' ? '?' : end.line})`)
  const [header, ...rows] = records
  if (!header || header.fields.join(',') !== REGISTER_HEADER.join(',')) throw new Error('header')
  const unsafe = (v: string) => (v.startsWith("'") && /^[=+\-@\t\r]/.test(v.slice(1)) ? v.slice(1) : v)
  return rows
    .filter((r) => !(r.fields.length === 1 && r.fields[0] === ''))
    .map((r) => {
      if (r.fields.length !== REGISTER_HEADER.length) throw new Error(`line ${r.line}: ${r.fields.length} fields`)
      const [id, index, name, parcours, completedOn, issuedOn, status, revokedOn, reason] = r.fields.map(unsafe) as string[]
      if (!/^urn:uuid:[0-9a-f-]{36}$/.test(id!) || !/^\d+$/.test(index!) || (status !== 'valide' && status !== 'révoquée')) throw new Error(`line ${r.line}`)
      return {
        id: id!,
        statusIndex: Number(index),
        name: name!,
        parcours: parcours!,
        completedOn: completedOn!,
        issuedOn: issuedOn!,
        status,
        revokedOn: revokedOn!,
        reason: reason!,
      }
    })
}
