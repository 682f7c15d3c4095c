/** Small DOM helpers and the UI strings (always from ScoData.strings, never hard-coded). */
import { fill } from '../shared/fill.js'

export function $<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T | null {
  return root.querySelector<T>(selector)
}

export function $$<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T[] {
  return Array.prototype.slice.call(root.querySelectorAll<T>(selector)) as T[]
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string

/** `t('pagePosition', { current: 2, total: 9 })`; a missing key shows as the key itself. */
export function translator(strings: Record<string, string>): Translate {
  return (key, vars) => fill(typeof strings[key] === 'string' ? (strings[key] as string) : key, vars)
}

export function reducedMotion(): boolean {
  try {
    return window.matchMedia('(prefers-reduced-motion: reduce)').matches
  } catch {
    return false
  }
}

/** Moves focus without a jump, then brings the element into view (smoothly unless reduced motion). */
/**
 * A sentence to be said with the focus move that ends the current action (« Valider », « Suivant »):
 * screen readers then hear one thing per action, the focused text with this sentence after it. With
 * no focus move in the same task, the `fallback` (the live region) says it.
 */
let pending: string | null = null

export function sayWithNextFocus(text: string, fallback: (text: string) => void): void {
  pending = text
  setTimeout(() => {
    if (pending !== text) return
    pending = null
    fallback(text)
  }, 0)
}

export function focusOn(el: HTMLElement | null): void {
  if (!el) return
  if (pending) {
    const said = document.createElement('span')
    said.className = 'pc-sr-only pc-said'
    said.textContent = ' ' + pending
    pending = null
    el.appendChild(said)
    // Said once: gone when the focus leaves, so the text is as before.
    el.addEventListener('blur', () => said.remove(), { once: true })
  }
  try {
    el.focus({ preventScroll: true })
    el.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' })
  } catch {
    el.focus()
  }
}

/**
 * Tables and code blocks scroll sideways when they do not fit (phones, zoom): while they do, they
 * are in the Tab order so that the keyboard can scroll them (WCAG 2.1.1); otherwise they are not.
 */
export function keyboardScroll(root: ParentNode, t?: (key: string) => string): void {
  const els = $$('.pc-table, pre', root)
  // Every width read before any change: one layout, not one per table.
  const scrolling = els.map((el) => el.scrollWidth > el.clientWidth + 1)
  els.forEach((el, i) => {
    const scrolls = scrolling[i] === true
    if (scrolls) el.tabIndex = 0
    else el.removeAttribute('tabindex')
    if (!el.classList.contains('pc-table')) return
    // A scrolling table is a named, focusable region with a visible cue above it (and a sticky
    // first column, in CSS); a table that fits is left as it is.
    el.classList.toggle('pc-table-scrolls', scrolls)
    if (scrolls && t) {
      el.setAttribute('role', 'region')
      el.setAttribute('aria-label', t('tableScroll'))
    } else {
      el.removeAttribute('role')
      el.removeAttribute('aria-label')
    }
    const cue = el.previousElementSibling
    const hasCue = !!cue && cue.classList.contains('pc-table-cue')
    if (scrolls && t && !hasCue) {
      const p = document.createElement('p')
      p.className = 'pc-table-cue'
      p.setAttribute('aria-hidden', 'true')
      p.textContent = t('tableCue')
      el.parentNode?.insertBefore(p, el)
    } else if (!scrolls && hasCue) cue.remove()
  })
}

/** Shows or hides an element with the `hidden` attribute. */
export function show(el: HTMLElement | null, visible: boolean): void {
  if (el) el.hidden = !visible
}

/** Event handlers never throw: a runtime error must not break the page or the LMS frame. */
export function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args)
    } catch (error) {
      try {
        console.error('parcours:', error)
      } catch {
        // no console
      }
    }
  }
}
