// Every beacon the host page queues is numbered in the LMS origin's localStorage, which outlives
// the page that sent it. The test server can then wait until beacons 1…n have all arrived (a
// condition: lms.flush), instead of waiting for a quiet period after the page went away, which a
// loaded machine can stretch past any fixed delay.

import { host } from './host-globals.js'

export const BEACON_COUNT_KEY = '__lmsBeaconsQueued'

/** navigator.sendBeacon with `beacon=<n>` added to the URL; n counts only the beacons queued. */
export function sendBeacon(url: string, data: string | URLSearchParams): boolean {
  const n = Number(host.localStorage.getItem(BEACON_COUNT_KEY) ?? '0') + 1
  const queued = host.navigator.sendBeacon(`${url}${url.includes('?') ? '&' : '?'}beacon=${n}`, data)
  if (queued) host.localStorage.setItem(BEACON_COUNT_KEY, String(n))
  return queued
}
