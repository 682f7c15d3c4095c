/**
 * Same input, same bytes, wherever the trainer builds: the zip must not depend on the time zone,
 * the umask or the locale of the machine. Each build runs in its own process (TZ is read once per
 * process), through the real `bin/parcours.js`.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zipFiles } from '../../../src/compiler/write/zip.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const MINIMAL = join(ROOT, 'test/fixtures/courses/minimal/content')
const temporary: string[] = []
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true })
})

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-built.js')], { cwd: ROOT, encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`scripts/ensure-built.js failed:\n${built.stderr}`)
})

/** `parcours build --format all` under an environment and a umask; the hash of each zip, by name. */
function buildUnder(env: Record<string, string>, umask: string): Record<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'parcours-tz-'))
  temporary.push(out)
  const command = `umask ${umask} && exec "${process.execPath}" bin/parcours.js build "${MINIMAL}" --out "${out}" --format all`
  const run = spawnSync('/bin/sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } })
  expect(run.status, run.stderr).toBe(0)
  return Object.fromEntries(
    readdirSync(out).map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(out, name)))
        .digest('hex'),
    ]),
  )
}

describe('deterministic zips', () => {
  it('the same bytes in UTC, Paris, Kiritimati (UTC+14) and Los Angeles, under any umask and locale', () => {
    const reference = buildUnder({ TZ: 'UTC', LANG: 'C', LC_ALL: 'C' }, '022')
    expect(Object.keys(reference).sort()).toEqual(['minimal-scorm12.zip', 'minimal-scorm2004.zip'])
    expect(buildUnder({ TZ: 'Europe/Paris', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' }, '077')).toEqual(reference)
    expect(buildUnder({ TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }, '000')).toEqual(reference)
    expect(buildUnder({ TZ: 'America/Los_Angeles', LANG: 'en_US.UTF-8' }, '027')).toEqual(reference)
  })

  it('every entry is dated 2000-01-01 00:00 in DOS time, mode 0644, in the local header and the central directory', async () => {
    const zip = await zipFiles([
      { path: 'b.txt', contents: 'b' },
      { path: 'a/c.txt', contents: new Uint8Array([1, 2, 3]) },
    ])
    const dosDate = ((2000 - 1980) << 9) | (1 << 5) | 1
    let local = 0
    let central = 0
    for (let i = 0; i + 4 <= zip.length; i++) {
      const signature = zip.readUInt32LE(i)
      if (signature === 0x04034b50) {
        expect([zip.readUInt16LE(i + 10), zip.readUInt16LE(i + 12)]).toEqual([0, dosDate])
        local++
      } else if (signature === 0x02014b50) {
        expect([zip.readUInt16LE(i + 12), zip.readUInt16LE(i + 14)]).toEqual([0, dosDate])
        expect(zip.readUInt32LE(i + 38) >>> 16).toBe(0o100644)
        central++
      }
    }
    expect([local, central]).toEqual([2, 2])
  })
})
