// Port of Moodle's mod/scorm/request.js (DoRequest + mod_scorm_monitorForBeaconRequirement):
// commits are synchronous XHR POSTs, except while the page is being dismissed
// (beforeunload/unload/pagehide, or visibilitychange → hidden) where Chrome forbids sync XHR:
// then navigator.sendBeacon is used and the SCO is told "true\n0" whatever the server does.
// If the sync XHR throws (e.g. the SCO frame is unloading), Moodle retries with a beacon too.

import { sendBeacon } from './host-beacon.js'
import { host, type MinimalWindow } from './host-globals.js'

export interface TransportResult {
  /** Response text in datamodel.php format: "true\n0" / "false\n101", or an HTTP status. */
  text: string
  transport: 'xhr' | 'beacon'
}

export class MoodleTransport {
  /** window.mod_scorm_useBeaconAPI */
  private useBeacon = false
  /** Called whenever the beacon mode switches on (page/SCO being dismissed). */
  onDismiss: (() => void) | undefined

  /**
   * mod_scorm_monitorForBeaconRequirement(target). Call it again for each new SCO document:
   * an iframe's contentWindow proxy stays the same but its listeners die with the document.
   */
  monitor(target: MinimalWindow): void {
    const on = (): void => {
      this.useBeacon = true
      this.onDismiss?.()
    }
    target.addEventListener('beforeunload', on)
    target.addEventListener('unload', on)
    target.addEventListener('pagehide', on)
    target.addEventListener('pageshow', () => {
      this.useBeacon = false
    })
    target.addEventListener('visibilitychange', () => {
      const v = target.document.visibilityState
      if (v === 'visible' || v === 'prerender') this.useBeacon = false
      else if (v === 'hidden') on()
    })
  }

  /** A new SCO document was loaded in a visible host: back to synchronous XHR. */
  reset(): void {
    if (host.document.visibilityState === 'visible') this.useBeacon = false
  }

  get beaconMode(): boolean {
    return this.useBeacon
  }

  private beacon(url: string, params: URLSearchParams): TransportResult {
    params.append('unloading', '1')
    const target = url + (url.includes('?') ? '&' : '?') + 'api=beacon'
    // The result is only "was it queued"; the server's answer is never seen (request.js useSendBeacon).
    const queued = sendBeacon(target, params)
    return { text: queued ? 'true\n0' : 'false\n101', transport: 'beacon' }
  }

  send(url: string, params: URLSearchParams): TransportResult {
    if (this.useBeacon) return this.beacon(url, params)
    const xhr = new host.XMLHttpRequest()
    xhr.open('POST', url, false)
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded')
    try {
      xhr.send(params.toString())
    } catch {
      // "XHR request from mod_scorm::DoRequest failed; attempting to use Beacon API."
      return this.beacon(url, params)
    }
    return { text: xhr.status === 200 ? xhr.responseText : String(xhr.status), transport: 'xhr' }
  }
}
