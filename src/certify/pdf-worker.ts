/**
 * One thread of the PDF pool (src/certify/pdf-pool.ts): renders the attestations it is sent, with
 * the same code as the main thread, so that the bytes do not depend on where a PDF was made.
 * Built by scripts/build-cli.js as lib/certify-pdf-worker.js.
 */
import { parentPort } from 'node:worker_threads'
import { renderPdf } from './pdf.js'
import type { PdfJob } from './pdf-pool.js'

parentPort?.on('message', (job: PdfJob & { n: number }) => {
  renderPdf(job.attestation, job.context).then(
    (bytes) => parentPort?.postMessage({ n: job.n, bytes }, [bytes.buffer as ArrayBuffer]),
    (e: unknown) => parentPort?.postMessage({ n: job.n, error: String((e as Error).stack ?? e) }),
  )
})
