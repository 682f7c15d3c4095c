#!/usr/bin/env node
/**
 * Certify benchmark (part of `npm run bench`): attestations per second (JSON alone; JSON + PDF),
 * verifications per second, and the peak memory of reading and deciding a generated
 * 100,000-learner activity completion export (streamed, in a fresh child process).
 * Prints a table and writes test/bench/results/certify.json. Reports, never gates (exit 0).
 */
import { spawnSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { loadBenchEntry } from './bundle.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const RESULTS = join(ROOT, 'test/bench/results')
const TARGET = { jsonPerSecond: 2000, pdfPerSecond: 100, verifyPerSecond: 5000, learners100kRssMB: 300 }
const LEARNERS = 100_000
const A1 = 'Module 1 – RGPD : droits & devoirs'
const A2 = 'Module 2 – ENT : pilotage'

// Child mode (first: it needs no bundling): read and decide one export, then report its own peak RSS.
if (process.argv[2] === '--child') {
  const c = await import(process.argv[3])
  const t0 = performance.now()
  const file = await c.readExport(process.argv[4], { timeZone: 'Europe/Paris' })
  const { decisions } = c.decide([file], { activities: [A1, A2], course: false })
  const ms = performance.now() - t0
  console.log(JSON.stringify({ ms, rows: file.rows, eligible: decisions.filter((d) => d.kind === 'eligible').length, maxRssMB: process.resourceUsage().maxRSS / 1024 }))
  process.exit(0)
}

// Bundled inside the checkout: the PDF pool finds lib/certify-pdf-worker.js from where it sits.
const { module: c, bundle, dir: tmp, cleanup } = await loadBenchEntry(ROOT, 'test/bench/certify-entry.ts')
// The command line's primitives (node:crypto) under the shared code; WebCrypto is measured too.
c.useCryptoProvider(c.nodeCrypto)
const key = c.generateIssuerKey()
const sign = c.signer(key)
const issuerId = 'https://certif.ac-exemple.fr/eafc'
const print = c.fingerprint(key.publicKey)
const profile = c.buildProfile({
  issuerId,
  name: 'Académie d’Exemple — EAFC',
  publicKey: key.publicKey,
  fingerprint: print,
  validFrom: '2026-01-01T00:00:00Z',
  validUntil: '2027-01-01T00:00:00Z',
})
const vm = profile.verificationMethod[0].id
const attestation = (i) => ({
  id: `urn:uuid:00000000-0000-8000-8000-${String(i).padStart(12, '0')}`,
  name: `Apprenant ${i} Lefèvre-Œuvray`,
  parcours: 'Piloter le numérique éducatif : cadre de confiance, RGPD et ENT',
  durationMinutes: 150,
  completedOn: '2026-10-06',
  issuedOn: '2026-12-01',
  result: 'Réussi',
  statusIndex: i % 131072,
})
const context = {
  issuerId,
  issuerName: 'Académie d’Exemple — EAFC',
  courseId: 'numerique-educatif',
  wording: 'a suivi avec succès la formation à distance',
  objectives: ['Identifier la base légale d’un traitement'],
  criteria: 'Activités terminées et réussies.',
  completedAt: '2026-10-06T17:45:03+02:00',
}
const proofOptions = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: '2026-12-01T00:00:00Z', verificationMethod: vm, proofPurpose: 'assertionMethod' }

async function issueJson(i) {
  const a = attestation(i)
  const signed = await c.addProof(c.buildCredential(a, context), proofOptions, sign)
  const json = JSON.stringify(signed, null, 2)
  const token = await c.signToken(a, print.slice(0, 8), sign)
  return { a, json, token }
}

async function rate(n, fn) {
  for (let i = 0; i < Math.min(50, n); i++) await fn(i) // warm-up
  const t0 = performance.now()
  for (let i = 0; i < n; i++) await fn(i)
  return (n / (performance.now() - t0)) * 1000
}

const jsonPerSecond = await rate(3000, issueJson)
/** Attestation i signed, and what its PDF is made from (as `certify issue` does). */
async function pdfJob(i) {
  const { a, json, token } = await issueJson(i)
  const pdf = { title: 'Attestation de formation', wording: context.wording, objectives: context.objectives, issuerName: context.issuerName }
  return { attestation: a, context: { ...pdf, issuerAddress: '1 rue de l’Exemple', signatoryRole: 'La directrice de l’EAFC', token, credentialJson: json } }
}
const pdfPerSecond = await rate(300, async (i) => {
  const job = await pdfJob(i)
  await c.renderPdf(job.attestation, job.context)
})
// What `certify issue` does on a large batch: signing here, PDFs on every core (src/certify/pdf-pool.ts).
const pool = c.pdfPool(c.poolSizeFor(100000))
await pool.render(await Promise.all(Array.from({ length: 32 }, (_, i) => pdfJob(i)))) // warm-up
const pooledT0 = performance.now()
const POOLED = 1024
for (let from = 0; from < POOLED; from += 256) {
  const jobs = []
  for (let i = from; i < from + 256; i++) jobs.push(await pdfJob(i))
  await pool.render(jobs)
}
const pooledPerSecond = (POOLED / (performance.now() - pooledT0)) * 1000
await pool.close()
const list = c.statusListCredential(issuerId, '2026-12-01T00:00:00Z', await c.encodeList(c.newBitstring(), (b) => gzipSync(b)))
const signedList = await c.addProof(list, proofOptions, sign)
const { trust } = await c.loadTrust([{ name: 'p', json: profile }], [{ name: 's', json: signedList }])
const credentials = []
for (let i = 0; i < 500; i++) credentials.push(JSON.parse((await issueJson(i)).json))
const verifyOnce = async (i) => {
  const v = await c.verifyCredentialJson(credentials[i % credentials.length], trust)
  if (!v.valid) throw new Error('bench credential did not verify')
}
const verifyPerSecond = await rate(10000, verifyOnce)
c.useCryptoProvider(undefined)
const verifyWebCryptoPerSecond = await rate(3000, verifyOnce)
c.useCryptoProvider(c.nodeCrypto)

// A 100,000-learner activity completion export, written streamed (never whole in memory).
const exportPath = join(tmp, 'progress-100k.csv')
await new Promise((done, fail) => {
  const out = createWriteStream(exportPath)
  out.on('error', fail)
  out.write(`,"Email address","${A1.replace('&', '&amp;')}","","${A2}",""\n`)
  let i = 0
  const more = () => {
    while (i < LEARNERS) {
      const pass = i % 3 !== 0
      const line = `"Apprenant ${i} Lefèvre","apprenant.${i}@ac-exemple.fr","${pass ? 'Completed (achieved pass grade)' : 'Not completed'}","${pass ? '2026-10-05 09:12:40' : ''}","Completed (achieved pass grade)","2026-10-06 17:45:03"\n`
      i++
      if (!out.write(line)) return void out.once('drain', more)
    }
    out.end(done)
  }
  more()
})
const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', bundle, exportPath], { encoding: 'utf8' })
if (child.status !== 0) throw new Error(child.stderr)
const big = JSON.parse(child.stdout.trim().split('\n').pop())

const rows = [
  ['attestations/s, JSON (credential + proof + QR token)', jsonPerSecond, `≥ ${TARGET.jsonPerSecond}`, jsonPerSecond >= TARGET.jsonPerSecond],
  ['attestations/s, JSON + PDF', pdfPerSecond, `≥ ${TARGET.pdfPerSecond}`, pdfPerSecond >= TARGET.pdfPerSecond],
  [`attestations/s, JSON + PDF, as issue does (${pool.size} PDF threads)`, pooledPerSecond, `≥ ${TARGET.pdfPerSecond}`, pooledPerSecond >= TARGET.pdfPerSecond],
  ['verifications/s (JSON, CLI: node:crypto)', verifyPerSecond, `≥ ${TARGET.verifyPerSecond}`, verifyPerSecond >= TARGET.verifyPerSecond],
  ['verifications/s (JSON, WebCrypto as in the page, Node)', verifyWebCryptoPerSecond, '', true],
  [`peak RSS MB, read + decide ${LEARNERS} learners (streamed)`, big.maxRssMB, `< ${TARGET.learners100kRssMB}`, big.maxRssMB < TARGET.learners100kRssMB],
  [`seconds, read + decide ${LEARNERS} learners`, big.ms / 1000, '', true],
]
console.log(
  `\ncertify (load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} CPUs: rates fall with the load)`,
)
for (const [name, value, target, ok] of rows)
  console.log(`  ${name.padEnd(58)} ${value.toFixed(value < 10 ? 2 : 0).padStart(8)}  ${String(target).padEnd(8)} ${target ? (ok ? 'OK' : 'FAIL') : ''}`)
await mkdir(RESULTS, { recursive: true })
await writeFile(
  join(RESULTS, 'certify.json'),
  `${JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg(), jsonPerSecond, pdfPerSecond, pooledPerSecond, pdfThreads: pool.size, verifyPerSecond, verifyWebCryptoPerSecond, learners100k: big, targets: TARGET }, null, 2)}\n`,
)
await cleanup()
