/**
 * The three places where the runtime speaks to the learner outside the content: the banner (an
 * alert: progress not saved, session closed), the notice (how this session started: no LMS,
 * review mode, a state that could not be restored) and the polite live region (saved, finished).
 */

import { $, focusOn, guard } from './dom.js'

export interface Messages {
  /** Shows the banner with this text, or hides it (null). */
  banner(text: string | null): void
  /** Shows these sentences in the notice; nothing if empty. */
  notice(sentences: string[]): void
  /** Said by screen readers, not shown. */
  announce(text: string): void
}

export function pageMessages(): Messages {
  const banner = $('#pc-banner')
  const notice = $('#pc-notice')
  const live = $('#pc-live')
  return {
    banner(text) {
      if (!banner) return
      banner.textContent = text ?? ''
      banner.hidden = !text
    },
    notice(sentences) {
      const text = notice && $('p', notice)
      if (!notice || !text || sentences.length === 0) return
      text.textContent = sentences.join(' ')
      notice.hidden = false
      // Dismissible: on a phone it would otherwise take the first screen of every page. Read, it
      // goes for this session; the focus goes on to the page (the button it was on is gone).
      $('button', notice)?.addEventListener(
        'click',
        guard(() => {
          notice.hidden = true
          focusOn($<HTMLElement>('.pc-page:not([hidden]) h1'))
        }),
      )
    },
    announce(text) {
      if (live) live.textContent = text
    },
  }
}
