/**
 * Page navigation inside one SCO: one `.pc-page` visible at a time, previous/next, the table of
 * contents (current page, pages seen), the position text, the document title, focus on the new
 * page's heading. The HTML works without it (every page visible, TOC links are anchors).
 */

import type { PageData, ScoData } from '../shared/sco-data.js'
import { stateKey } from '../shared/state-key.js'
import type { Translate } from './dom.js'
import { $, $$, focusOn, guard, keyboardScroll, show } from './dom.js'

export interface NavPage {
  el: HTMLElement
  id: string
  key: string
  title: string
  /** Title of the page's module. */
  module: string
  link: HTMLAnchorElement | null
}

export interface NavOptions {
  data: ScoData
  t: Translate
  /** Page keys already seen (restored state). */
  seen: string[]
  /** Called after a page is shown; `initial` for the first display at launch. */
  onShow(page: NavPage, initial: boolean): void
}

export interface Nav {
  pages: NavPage[]
  current(): NavPage | undefined
  /** Shows the page with this id or key; false if there is none. */
  go(idOrKey: string, initial?: boolean): boolean
}

export function setupNav(options: NavOptions): Nav {
  const { data, t } = options
  const byId = new Map<string, PageData>(data.pages.map((p) => [p.id, p] as const))
  const moduleTitles = new Map<string, string>(data.modules.map((m) => [m.id, m.title] as const))
  const tocLinks = new Map<string, HTMLAnchorElement>()
  for (const a of $$<HTMLAnchorElement>('#pc-toc a[data-page]')) tocLinks.set(a.getAttribute('data-page') ?? '', a)

  const pages: NavPage[] = $$('.pc-page').map((el) => {
    const id = el.getAttribute('data-page') ?? el.id
    const info = byId.get(id)
    const heading = $('h1', el)
    return {
      el,
      id,
      key: info ? info.key : stateKey(id),
      title: info ? info.title : (heading?.textContent ?? '').trim(),
      module: (info && moduleTitles.get(info.moduleId)) || '',
      link: tocLinks.get(id) ?? null,
    }
  })
  let index = -1
  const prev = $<HTMLButtonElement>('#pc-prev')
  const next = $<HTMLButtonElement>('#pc-next')
  const position = $('#pc-position')
  const toggle = $<HTMLButtonElement>('#pc-toc-toggle')
  const toc = $('#pc-toc')
  const body = document.body

  const markSeen = (page: NavPage): void => {
    const link = page.link
    if (!link || $('.pc-toc-seen', link)) return
    const mark = document.createElement('span')
    mark.className = 'pc-toc-seen'
    const icon = document.createElement('span')
    icon.setAttribute('aria-hidden', 'true')
    icon.textContent = '\u2713'
    const text = document.createElement('span')
    text.className = 'pc-sr-only'
    text.textContent = ' \u2013 ' + t('pageSeen')
    mark.appendChild(icon)
    mark.appendChild(text)
    link.appendChild(mark)
  }

  const setToc = (open: boolean): void => {
    body.classList.toggle('pc-toc-open', open)
    if (toggle) toggle.setAttribute('aria-expanded', String(open))
  }

  const showIndex = (i: number, initial: boolean): void => {
    const page = pages[i]
    if (!page) return
    index = i
    pages.forEach((p, j) => {
      show(p.el, j === i)
      if (p.link) {
        if (j === i) p.link.setAttribute('aria-current', 'page')
        else p.link.removeAttribute('aria-current')
      }
    })
    markSeen(page)
    keyboardScroll(page.el, t)
    // Keep the current entry in view when the contents scroll on their own (wide screens).
    const link = page.link
    if (toc && link && toc.scrollHeight > toc.clientHeight && link.offsetParent === toc) {
      const top = link.offsetTop
      if (top < toc.scrollTop || top + link.offsetHeight > toc.scrollTop + toc.clientHeight) toc.scrollTop = top - toc.clientHeight / 3
    }
    if (prev) prev.disabled = i === 0
    if (next) next.disabled = i === pages.length - 1
    if (position) position.textContent = t('pagePosition', { current: i + 1, total: pages.length })
    // Unique per page (RGAA 8.6): several modules have an "Évaluation" or a "Sources" page.
    document.title = [page.title, page.module, data.title].filter((x, j, all) => x && all.indexOf(x) === j).join(' \u2013 ')
    if (!initial) {
      setToc(false)
      window.scrollTo(0, 0)
      focusOn($<HTMLElement>('h1', page.el))
    }
    options.onShow(page, initial)
  }

  const find = (idOrKey: string): number => {
    for (let i = 0; i < pages.length; i++) {
      const p = pages[i] as NavPage
      if (p.id === idOrKey || p.key === idOrKey || p.el.id === idOrKey) return i
    }
    return -1
  }

  const go = (idOrKey: string, initial = false): boolean => {
    const i = find(idOrKey)
    if (i < 0) return false
    if (i !== index || initial) showIndex(i, initial)
    return true
  }

  for (const page of pages) if (options.seen.indexOf(page.key) >= 0) markSeen(page)
  // Links to other sites open in a new tab (so as not to replace the course in the LMS): say so.
  for (const a of $$('a[target="_blank"]')) {
    const hint = document.createElement('span')
    hint.className = 'pc-sr-only'
    hint.textContent = ' ' + t('newTab')
    a.appendChild(hint)
  }

  prev?.addEventListener('click', guard(() => {
    if (index > 0) showIndex(index - 1, false)
  }))
  next?.addEventListener('click', guard(() => {
    if (index < pages.length - 1) showIndex(index + 1, false)
  }))
  // TOC links and in-content links to another page (`#p-<domId>`) change page instead of jumping.
  document.addEventListener('click', guard((event: MouseEvent) => {
    const target = event.target as Element | null
    const link = target && target.closest ? target.closest<HTMLAnchorElement>('a[href^="#p-"]') : null
    if (!link || event.defaultPrevented || event.button !== 0) return
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
    const i = find((link.getAttribute('href') ?? '').slice(1))
    if (i < 0) return
    event.preventDefault()
    showIndex(i, false)
  }))
  // Window resized, zoomed or text enlarged: tables may start or stop scrolling sideways.
  const refit = guard(() => {
    const page = pages[index]
    if (page) keyboardScroll(page.el, t)
  })
  if (typeof ResizeObserver === 'function') new ResizeObserver(refit).observe($('#pc-main') ?? body)
  else window.addEventListener('resize', refit)
  toggle?.addEventListener('click', guard(() => setToc(!body.classList.contains('pc-toc-open'))))
  document.addEventListener('keydown', guard((event: KeyboardEvent) => {
    if (event.key === 'Escape' && body.classList.contains('pc-toc-open')) {
      setToc(false)
      toggle?.focus()
    }
  }))
  setToc(false)

  return { pages, current: () => pages[index], go }
}
