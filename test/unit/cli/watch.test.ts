/**
 * `parcours build --watch`: one line per build, errors shown and the last good zip kept, a fix
 * brings the next zip, Ctrl-C stops it (exit 130). Waits are on what the command printed.
 */
import { spawn } from 'node:child_process'
import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { startParcours, temporaryDirs } from '../../helpers/cli.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const MINIMAL = join(ROOT, 'test/fixtures/courses/minimal/content')
const freshDir = temporaryDirs('parcours-watch-')
const WAIT = { timeout: 90_000, interval: 20 }

describe('parcours build --watch', { timeout: 180_000 }, () => {
  it('rebuilds on each change, one line per build; an error keeps the last zip; Ctrl-C stops with 130', async () => {
    const dir = freshDir()
    cpSync(MINIMAL, dir, { recursive: true })
    const running = startParcours(dir, 'build', '--watch')
    const stdout = (): string => running.stdout()
    const stderr = (): string => running.stderr()
    const builds = (): string[] =>
      stdout()
        .split('\n')
        .filter((l) => l.includes('paquet écrit : dist/minimal-scorm12.zip'))
    await vi.waitFor(() => expect(builds()).toHaveLength(1), WAIT)
    expect(stderr()).toContain('Surveillance de')
    const zip = join(dir, 'dist/minimal-scorm12.zip')
    const firstBytes = readFileSync(zip)

    // An edit: a new zip, on one more line.
    const module = join(dir, '01-module.md')
    const text = readFileSync(module, 'utf8')
    writeFileSync(module, text.replace(/\n## /, '\n## Une page de plus {#de-plus}\n\nTexte.\n\n## '))
    await vi.waitFor(() => expect(builds().length).toBeGreaterThanOrEqual(2), WAIT)
    expect(readFileSync(zip).equals(firstBytes)).toBe(false)
    const goodBytes = readFileSync(zip)

    // A mistake: its diagnostic with file:line:col, one summary line, the zip left as it was.
    writeFileSync(module, text.replace(/^id: .*$/m, 'id: Pas Valide'))
    await vi.waitFor(() => expect(stderr()).toMatch(/paquet inchangé/), WAIT)
    expect(stderr()).toMatch(/01-module\.md:\d+:\d+: erreur \[/)
    expect(readFileSync(zip).equals(goodBytes)).toBe(true)

    // The fix brings the zip back.
    const before = builds().length
    writeFileSync(module, text)
    await vi.waitFor(() => expect(builds().length).toBeGreaterThan(before), WAIT)
    expect(readFileSync(zip).equals(firstBytes)).toBe(true)
    for (const line of builds()) expect(line).toMatch(/^\d\d:\d\d:\d\d paquet écrit : dist\/minimal-scorm12\.zip \(\d+ ms\)$/)
    // The output folder inside the course is not watched: writing the zip triggers nothing.
    expect(readdirSync(join(dir, 'dist'))).toEqual(['minimal-scorm12.zip'])

    expect(await running.interrupt()).toBe(130)
    expect(stderr()).toContain('Surveillance arrêtée.')
  })

  it('the real process stops on Ctrl-C (SIGINT) with exit code 130', async () => {
    const dir = freshDir()
    cpSync(MINIMAL, dir, { recursive: true })
    const child = spawn(process.execPath, [join(ROOT, 'bin/parcours.js'), 'build', '--watch', '--lang', 'en'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    await vi.waitFor(() => expect(stdout).toContain('package written: dist/minimal-scorm12.zip'), WAIT)
    expect(statSync(join(dir, 'dist/minimal-scorm12.zip')).size).toBeGreaterThan(0)
    child.kill('SIGINT')
    expect(await exited).toBe(130)
  })
})
