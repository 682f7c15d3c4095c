/** `parcours certify …` in process: the whole journey, exit codes, and no passphrase as an option. */
import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'
import { temporaryDirs } from '../../helpers/cli.js'

const freshDir = temporaryDirs('certify-cli-')
const FIX = resolve(import.meta.dirname, '../../fixtures/certify')
const SCORM = 'RGPD-ENT-2026 Module 1 – RGPD  droits amp; devoirs-20261020_1200-tab_separated.txt'

async function certify(cwd: string, env: Record<string, string>, ...args: string[]) {
  let stdout = ''
  let stderr = ''
  const status = await main(['certify', ...args], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: { NO_COLOR: '1', ...env }, isTTY: false })
  return { status, stdout, stderr }
}

describe('parcours certify', () => {
  it('keygen → issue → verifier → verify → revoke → verify', async () => {
    const dir = freshDir()
    const env = { PARCOURS_KEY_PASSPHRASE: 'une phrase de passe longue' }
    // No terminal and no variable: a clear refusal, never a prompt that hangs.
    expect(await certify(dir, {}, 'keygen', '--issuer-id', 'https://certif.ac-exemple.fr/eafc', '--name', 'EAFC', '--out', 'cles')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('key/no-passphrase'),
    })
    const keygen = await certify(
      dir,
      env,
      'keygen',
      '--issuer-id',
      'https://certif.ac-exemple.fr/eafc',
      '--name',
      'Académie d’Exemple — EAFC',
      '--out',
      'cles',
      '--valid-from',
      '2026-09-01',
    )
    expect(keygen).toMatchObject({ status: 0, stdout: expect.stringContaining('Empreinte SHA-256') })
    expect(statSync(join(dir, 'cles/issuer.key.pem')).mode & 0o777).toBe(0o600)
    expect(await certify(dir, env, 'keygen', '--issuer-id', 'https://certif.ac-exemple.fr/eafc', '--name', 'X', '--out', 'cles')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('key/exists'),
    })
    expect((await certify(dir, env, 'keygen', '--issuer-id', 'https://x.fr', '--name', 'X', '--passphrase', 'x')).status).toBe(2)

    const exports = [join(FIX, 'exports/fr/activity-completion.csv'), join(FIX, 'exports/en/grades_comma.csv'), join(FIX, 'exports/fr', SCORM)]
    const issue = await certify(dir, env, 'issue', '--export', ...exports, '--key', 'cles/issuer.key.pem', '--course', join(FIX, 'course'), '--date', '2026-12-01', '--out', 'out')
    expect(issue.status).toBe(0)
    expect(issue.stdout).toContain('Attestations délivrées : 5')
    expect(issue.stdout).toContain('✗ Gaston Lamarre : « Module 1 – RGPD : droits & devoirs » jamais lancée')
    expect(issue.stdout).toContain('Lignes écartées : 3')

    const verifier = await certify(dir, env, 'verifier', '--issuers', 'cles/issuer.json', '--status', 'out/status.json', '--out', 'verifier.html')
    expect(verifier.status).toBe(0)
    const html = readFileSync(join(dir, 'verifier.html'), 'utf8')
    expect(html).toContain(`content="default-src 'none'; script-src 'sha256-`)
    expect(html).not.toMatch(/<script[^>]+src=|https?:\/\/(?!certif\.ac-exemple|www\.w3\.org|purl\.imsglobal)/)

    const verify = await certify(dir, {}, 'verify', 'out', '--issuers', 'cles/issuer.json', '--status', 'out/status.json')
    expect(verify).toMatchObject({ status: 0, stdout: expect.stringContaining('10 valide(s), 0 invalide(s).') })
    const id = /^"(urn:uuid:[^"]+)"/m.exec(readFileSync(join(dir, 'out/register.csv'), 'utf8').split('\n')[1]!)![1]!
    expect(
      (await certify(dir, env, 'revoke', '--register', 'out/register.csv', '--id', id, '--reason', 'Erreur', '--key', 'cles/issuer.key.pem', '--date', '2026-12-05')).status,
    ).toBe(0)
    const after = await certify(dir, {}, 'verify', 'out', '--issuers', 'cles/issuer.json', '--status', 'out/status.json')
    expect(after.status).toBe(1)
    expect(after.stdout).toContain('8 valide(s), 2 invalide(s).')
    expect(after.stderr).toContain('attestation révoquée (liste du 5 décembre 2026)')
    expect((await certify(dir, {}, 'verify', '--qr', 'PA1~nope', '--issuers', 'cles/issuer.json', '--status', 'out/status.json')).status).toBe(1)
    expect((await certify(dir, {}, 'nope')).status).toBe(2)
  })
})
