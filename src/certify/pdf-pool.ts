/**
 * PDFs of a batch rendered on every core (issue 10: a batch of thousands of attestations). Rendering
 * is most of the time of `certify issue` (pdf-lib, ≈ 8 ms a page, one thread); signing is not. The
 * main thread keeps everything that must be sequential (ids, status indexes, the register) and
 * sends each page to a worker; results come back in the order asked. Without the built worker
 * (lib/certify-pdf-worker.js, e.g. a checkout that was never built), or with `size` 0, pages are
 * rendered here: same code, same bytes.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { packageRoot } from '../package-root.js'
import type { Attestation } from './attestation.js'
import { renderPdf, type PdfContext } from './pdf.js'

export interface PdfJob {
  attestation: Attestation
  context: PdfContext
}

export interface PdfPool {
  /** The PDFs of `jobs`, in their order. */
  render(jobs: readonly PdfJob[]): Promise<Uint8Array[]>
  close(): Promise<void>
  /** Threads rendering (0: this one). */
  readonly size: number
}

/** Worth the threads' start-up (≈ 50 ms each) from this many pages. */
export const POOL_FROM = 64

/** Workers for a batch of `count` pages: one per core (at most 4), none for small batches or one core. */
export function poolSizeFor(count: number): number {
  const cores = availableParallelism()
  return count >= POOL_FROM && cores > 1 ? Math.min(cores, 4) : 0
}

export function pdfPool(size: number): PdfPool {
  const script = join(packageRoot(), 'lib', 'certify-pdf-worker.js')
  if (size <= 0 || !existsSync(script)) return { size: 0, render: (jobs) => Promise.all(jobs.map((j) => renderPdf(j.attestation, j.context))), close: async () => {} }
  const workers = Array.from({ length: size }, () => new Worker(script))
  const pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (e: Error) => void }>()
  let seq = 0
  for (const worker of workers) {
    worker.on('message', (m: { n: number; bytes?: Uint8Array; error?: string }) => {
      const job = pending.get(m.n)
      if (!job) return
      pending.delete(m.n)
      if (m.bytes) job.resolve(m.bytes)
      else job.reject(new Error(`PDF worker: ${m.error}`))
    })
    // A worker that dies fails every page still waiting: the batch stops, nothing half-written (issue.ts).
    worker.on('error', (e: Error) => {
      for (const job of pending.values()) job.reject(e)
      pending.clear()
    })
  }
  return {
    size,
    render: (jobs) =>
      Promise.all(
        jobs.map(
          (job) =>
            new Promise<Uint8Array>((resolve, reject) => {
              const n = ++seq
              pending.set(n, { resolve, reject })
              workers[n % workers.length]!.postMessage({ ...job, n })
            }),
        ),
      ),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
