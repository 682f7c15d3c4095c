// Ships the host page's call log, violations and events to the server as they happen.
// Normal operation: batched fetch (one request per burst of synchronous API calls), so that
// `flush()` can await everything. Once the page is being dismissed, fetch may be cancelled:
// pending entries and every later entry go out with navigator.sendBeacon, like Moodle's commits.

import { sendBeacon } from './host-beacon.js'
import type { ApiCall, HostEvent, Violation } from './types.js'

type Entry = { calls?: Omit<ApiCall, 'session'>; violations?: Omit<Violation, 'session'>; events?: Omit<HostEvent, 'session'> }
type Batch = { calls: unknown[]; violations: unknown[]; events: unknown[] }

/** Chrome refuses beacons over 64 KiB in flight; keep each one well below. */
const BEACON_MAX = 48_000

function shrink(value: unknown): unknown {
  if (typeof value === 'string' && value.length > 2000) return `${value.slice(0, 2000)}…(${value.length} chars, truncated for beacon)`
  if (Array.isArray(value)) return value.map(shrink)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shrink(v)]))
  }
  return value
}

export class LogUploader {
  private pending: Entry[] = []
  private readonly inflight = new Set<Promise<unknown>>()
  private scheduled = false
  private dismissed = false

  constructor(private readonly url: string) {}

  push(entry: Entry): void {
    this.pending.push(entry)
    if (this.dismissed) this.sendBeacons()
    else if (!this.scheduled) {
      this.scheduled = true
      setTimeout(() => {
        this.scheduled = false
        this.sendFetch()
      }, 0)
    }
  }

  private take(): Batch {
    const batch: Batch = { calls: [], violations: [], events: [] }
    for (const e of this.pending.splice(0)) {
      if (e.calls) batch.calls.push(e.calls)
      if (e.violations) batch.violations.push(e.violations)
      if (e.events) batch.events.push(e.events)
    }
    return batch
  }

  private sendFetch(): void {
    if (!this.pending.length) return
    const body = JSON.stringify(this.take())
    const p = fetch(this.url, { method: 'POST', body, headers: { 'content-type': 'application/json' } })
      .catch(() => undefined)
      .finally(() => this.inflight.delete(p))
    this.inflight.add(p)
  }

  private sendBeacons(): void {
    const entries = this.pending.splice(0)
    let chunk: Entry[] = []
    let size = 0
    const send = (): void => {
      if (!chunk.length) return
      this.pending = chunk
      sendBeacon(this.url, JSON.stringify(this.take()))
      chunk = []
      size = 0
    }
    for (const e of entries) {
      let json = JSON.stringify(e)
      const entry = json.length > BEACON_MAX / 2 ? (shrink(e) as Entry) : e
      json = JSON.stringify(entry)
      if (size + json.length > BEACON_MAX) send()
      chunk.push(entry)
      size += json.length
    }
    send()
  }

  /** The page (or the SCO window) is going away: switch to beacons for good. */
  dismiss(): void {
    this.dismissed = true
    this.sendBeacons()
  }

  /** Back to visible (pageshow after a cancelled unload): batched fetch again. */
  undismiss(): void {
    this.dismissed = false
  }

  /** Sends what is pending and resolves once the server has received everything. */
  async flush(): Promise<void> {
    this.scheduled = false
    this.sendFetch()
    while (this.inflight.size) await Promise.all([...this.inflight])
  }
}
