/**
 * verifier.html opened from disk (file://) in real Chromium, as an inspector would: a valid JSON,
 * a tampered one, a revoked one, a PDF, a pasted QR token; no request leaves the page; axe finds
 * nothing; everything is reachable with the keyboard.
 */
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issue, type IssueResult } from '../../src/certify/issue.js'
import { keygen } from '../../src/certify/keys.js'
import { revoke } from '../../src/certify/revoke.js'
import { buildVerifier } from '../../src/certify/verifier/build.js'
import { attachedFiles } from '../../src/certify/verify/pdf-attachment.js'
import { launchBrowser, type TestBrowser } from '../helpers/lms/browser.js'
import { describeViolations, runAxe } from './a11y-helpers.js'
// @ts-expect-error: a plain ES module script, no types
import { buildVerifierScript } from '../../scripts/verifier-script.js'

// Page code runs in the browser: the Node typecheck does not know the DOM.
declare const document: any

const FIX = resolve(import.meta.dirname, '../fixtures/certify')
const PASS = 'correct horse battery staple'

let dir: string
let result: IssueResult
let browser: TestBrowser
let page: Page
const requests: string[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'certify-verifier-'))
  await keygen({ issuerId: 'https://certif.ac-exemple.fr/eafc', name: 'Académie d’Exemple — EAFC', out: join(dir, 'keys'), passphrase: PASS, from: '2026-09-01', years: 1 })
  result = await issue({
    exports: ['fr/activity-completion.csv', 'en/grades_comma.csv'].map((f) => join(FIX, 'exports', f)),
    courseDir: join(FIX, 'course'),
    keyPath: join(dir, 'keys', 'issuer.key.pem'),
    passphrase: PASS,
    date: '2026-12-01',
    out: join(dir, 'out'),
  })
  await revoke({
    register: result.register,
    id: result.issued[1]!.attestation.id,
    reason: 'test',
    keyPath: join(dir, 'keys', 'issuer.key.pem'),
    passphrase: PASS,
    date: '2026-12-10',
  })
  const html = await buildVerifier({ issuers: [join(dir, 'keys', 'issuer.json')], status: [result.status], script: await buildVerifierScript() })
  await writeFile(join(dir, 'verifier.html'), html)
  browser = await launchBrowser()
  page = await browser.newPage()
  page.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url())
  })
  await page.goto(pathToFileURL(join(dir, 'verifier.html')).href)
  await page.waitForFunction(() => document.body.dataset.ready === 'true')
})

afterAll(async () => {
  await browser?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function drop(file: string, name = file.split('/').pop()!): Promise<{ title: string; text: string }> {
  await page.evaluate(() => {
    document.getElementById('result-title')!.textContent = ''
  })
  await page.setInputFiles('#file', { name, mimeType: name.endsWith('.pdf') ? 'application/pdf' : 'application/json', buffer: await readFile(file) })
  await page.waitForFunction(() => document.getElementById('result-title')!.textContent !== '')
  return { title: (await page.textContent('#result-title'))!, text: (await page.textContent('#result'))! }
}

describe('verifier.html from disk', () => {
  it('says VALIDE for a genuine JSON, with the issuer named by the trust list and the revocation date', async () => {
    const r = await drop(result.issued[0]!.json)
    expect(r.title).toBe('VALIDE')
    expect(r.text).toContain('Académie d’Exemple — EAFC')
    expect(r.text).toContain('Anaïs Martin')
    expect(r.text).toContain('non révoquée au 10 décembre 2026')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-title')
  })

  it('says INVALIDE for a tampered JSON and for a revoked attestation', async () => {
    const json = JSON.parse(await readFile(result.issued[0]!.json, 'utf8'))
    json.credentialSubject.identifier[0].identityHash = 'Anaïs Martine'
    await writeFile(join(dir, 'tampered.json'), JSON.stringify(json))
    const tampered = await drop(join(dir, 'tampered.json'))
    expect(tampered.title).toBe('INVALIDE')
    expect(tampered.text).toContain('signature invalide')
    const revoked = await drop(result.issued[1]!.json)
    expect(revoked.title).toBe('INVALIDE')
    expect(revoked.text).toContain('révoquée (liste du 10 décembre 2026)')
  })

  it('verifies a PDF and a pasted QR token', async () => {
    const pdf = await drop(result.issued[3]!.pdf)
    expect(pdf.title).toBe('VALIDE')
    expect(pdf.text).toContain('Marie-Joseph Éléonore')
    const token = new TextDecoder().decode((await attachedFiles(await readFile(result.issued[4]!.pdf))).find((f) => f.name === 'qr-token.txt')!.bytes)
    await page.fill('#qr', token)
    await page.click('button[type=submit]')
    await page.waitForFunction(() => document.getElementById('result')!.textContent!.includes('QR code'))
    expect(await page.textContent('#result-title')).toBe('VALIDE')
    expect(await page.textContent('#result')).toContain('Farida Ben Ali')
    await page.fill('#qr', token.replace('Farida', 'Farid'))
    await page.click('button[type=submit]')
    await page.waitForFunction(() => document.getElementById('result-title')!.textContent === 'INVALIDE')
  })

  it('works with the keyboard alone', async () => {
    await page.reload()
    await page.waitForFunction(() => document.body.dataset.ready === 'true')
    await page.focus('#file')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('qr')
    const token = new TextDecoder().decode((await attachedFiles(await readFile(result.issued[0]!.pdf))).find((f) => f.name === 'qr-token.txt')!.bytes)
    await page.keyboard.insertText(token)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.getElementById('result-title')!.textContent === 'VALIDE')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-title')
  })

  it('has no axe violation (empty and with a result) and made no request outside the file', async () => {
    const axe = await readFile(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8')
    // The page's CSP forbids injected <script> tags: evaluate axe through the DevTools protocol.
    await page.evaluate(axe)
    expect(describeViolations(await runAxe(page))).toEqual([])
    await page.reload()
    await page.waitForFunction(() => document.body.dataset.ready === 'true')
    await page.evaluate(axe)
    expect(describeViolations(await runAxe(page))).toEqual([])
    expect(requests).toEqual([])
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/)
  })
})

/**
 * A camera that films a printed QR code: Chromium's fake capture device plays a Y4M file (one
 * 640×480 frame, the code drawn black on white, its quiet zone included) as the webcam.
 */
async function cameraFilming(token: string, file: string): Promise<void> {
  const { default: encodeQR } = await import('qr')
  const rows = encodeQR(token, 'raw', { ecc: 'medium', border: 4 })
  const [W, H] = [640, 480]
  const size = rows.length
  const cell = Math.floor(440 / size)
  const left = Math.floor((W - size * cell) / 2)
  const top = Math.floor((H - size * cell) / 2)
  const y = Buffer.alloc(W * H, 235) // white (video range)
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      if (!rows[r]![c]) continue
      for (let dy = 0; dy < cell; dy++) y.fill(16, (top + r * cell + dy) * W + left + c * cell, (top + r * cell + dy) * W + left + (c + 1) * cell)
    }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128)
  await writeFile(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F30:1 Ip A1:1 C420jpeg\nFRAME\n`), y, chroma, chroma]))
}

describe('verifier.html with a camera', () => {
  let cameraBrowser: TestBrowser

  afterAll(async () => {
    await cameraBrowser?.close()
  })

  it('reads the printed QR code with the camera, stops the camera, and says VALIDE', async () => {
    const token = new TextDecoder().decode((await attachedFiles(await readFile(result.issued[2]!.pdf))).find((f) => f.name === 'qr-token.txt')!.bytes)
    const video = join(dir, 'camera.y4m')
    await cameraFilming(token, video)
    cameraBrowser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`])
    const p = await cameraBrowser.newPage()
    const outside: string[] = []
    p.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) outside.push(r.url())
    })
    await p.goto(pathToFileURL(join(dir, 'verifier.html')).href)
    await p.waitForFunction(() => document.body.dataset.ready === 'true')
    await p.click('#camera')
    await p.waitForFunction(() => document.getElementById('result-title')!.textContent === 'VALIDE', undefined, { timeout: 60_000 })
    expect(await p.inputValue('#qr')).toBe(token)
    expect(await p.textContent('#result')).toContain(result.issued[2]!.attestation.name)
    expect(await p.textContent('#camera-state')).toBe('QR code lu.')
    // The camera is released once the code is read.
    expect(await p.evaluate(() => (document.getElementById('camera-view') as { srcObject: unknown }).srcObject)).toBeNull()
    expect(outside).toEqual([])
  })
})
