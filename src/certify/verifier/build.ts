/**
 * `certify verifier`: reads the issuer profiles and status lists, checks them exactly as the page
 * will (a list not signed by a trusted key is refused here, not discovered by an inspector), and
 * returns verifier.html.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { CertifyError, fail, problem } from '../problems.js'
import { loadTrust } from '../verify/verify.js'
import { verifierHtml } from './page.js'

export async function readJsonFiles(paths: string[], code: 'key/profile-invalid' | 'status/invalid'): Promise<{ name: string; json: unknown }[]> {
  const out = []
  for (const path of paths) {
    try {
      out.push({ name: basename(path), json: JSON.parse(await readFile(path, 'utf8')) })
    } catch (e) {
      throw new CertifyError(problem(code, path, undefined, { reason: (e as Error).message.slice(0, 100) }))
    }
  }
  return out
}

export async function buildVerifier(o: { issuers: string[]; status: string[]; script: string }): Promise<string> {
  if (!o.issuers.length) fail('verifier/no-issuers', '--issuers')
  const profiles = await readJsonFiles(o.issuers, 'key/profile-invalid')
  const lists = await readJsonFiles(o.status, 'status/invalid')
  const { trust, problems } = await loadTrust(profiles, lists)
  if (problems.length)
    throw new CertifyError(
      problems.map((p) =>
        problem(p.includes('status') || lists.some((l) => p.startsWith(l.name)) ? 'status/invalid' : 'key/profile-invalid', p.split(':')[0]!, undefined, {
          reason: p.split(': ').slice(1).join(': '),
        }),
      ),
    )
  return verifierHtml({
    script: o.script,
    profiles,
    lists,
    issuers: trust.keys.map((k) => ({ name: k.issuerName, fingerprint: k.fingerprint, validFrom: k.validFrom, validUntil: k.validUntil })),
    statusDates: trust.status.map((s) => s.updated),
    sha256base64: (text) => createHash('sha256').update(text, 'utf8').digest('base64'),
  })
}
