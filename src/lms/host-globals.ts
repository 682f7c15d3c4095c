// The few browser APIs the host page uses, typed locally so that the browser-side files
// type-check under the repository's Node-only tsconfig (lib es2023, no "DOM").

import type { HostConfig } from './types.js'

export interface MinimalXhr {
  open(method: string, url: string, async: boolean): void
  setRequestHeader(name: string, value: string): void
  send(body: string): void
  readonly status: number
  readonly responseText: string
}

export interface MinimalEventTarget {
  addEventListener(type: string, listener: (ev: { type: string }) => void): void
}

export interface MinimalWindow extends MinimalEventTarget {
  readonly closed?: boolean
  readonly document: { readonly visibilityState: string; readonly readyState?: string }
}

export interface MinimalElement extends MinimalEventTarget {
  setAttribute(name: string, value: string): void
  appendChild(child: MinimalElement): void
  textContent: string | null
  readonly contentWindow?: MinimalWindow | null
}

export type ScormAgainCtor = new (settings: Record<string, unknown>, httpService?: unknown) => Record<string, unknown>

export interface HostWindow extends MinimalWindow {
  __LMS_CONFIG__: HostConfig
  __lmsHost?: unknown
  Scorm12API?: ScormAgainCtor
  Scorm2004API?: ScormAgainCtor
  API?: unknown
  API_1484_11?: unknown
  XMLHttpRequest: new () => MinimalXhr
  navigator: { sendBeacon(url: string, data: string | URLSearchParams): boolean }
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void }
  document: MinimalWindow['document'] & {
    createElement(tag: string): MinimalElement
    getElementById(id: string): MinimalElement | null
    readonly body: MinimalElement
  }
  open(url: string, name: string, features?: string): MinimalWindow | null
  location: { readonly origin: string }
}

export const host = globalThis as unknown as HostWindow
