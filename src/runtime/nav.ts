/**
 * Page navigation inside one SCO: one `.pc-page` visible at a time, previous/next, the table of
 * contents (open/closed, current page; its marks are marks.ts's), the document title, focus on
 * the new page's heading. The HTML works without it (every page visible, TOC links are anchors).
 */

import type { PageData, ScoData } from '../shared/sco-data.js'
import { stateKey } from '../shared/state-key.js'
import type { Translate } from './dom.js'
import { $, $$, focusOn, guard, keyboardScroll, show } from './dom.js'
import { buildPage } from './lazy-page.js'
import { pageShelf } from './page-shelf.js'

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
  /** Called after a page is shown; `initial` for the first display at launch. */
  onShow(page: NavPage, initial: boolean): void
  /** Called with a page's content as soon as it is built from its inert text (lazy-page.ts). */
  onBuild(el: HTMLElement): void
  /** Runs work once the page being shown is drawn (after-paint.ts). */
  later(run: () => void): void
}

export interface Nav {
  pages: NavPage[]
  current(): NavPage | undefined
  /** Shows the page with this id or key; false if there is none. */
  go(idOrKey: string, initial?: boolean): boolean
}

/** The pages in the document, with what the SCO data says about each. */
function pagesOf(data: ScoData): NavPage[] {
  const byId = new Map<string, PageData>(data.pages.map((p) => [p.id, p] as const))
  const moduleTitles = new Map<string, string>(data.modules.map((m) => [m.id, m.title] as const))
  const tocLinks = new Map<string, HTMLAnchorElement>()
  for (const a of $$<HTMLAnchorElement>('#pc-toc a[data-page]')) tocLinks.set(a.getAttribute('data-page') ?? '', a)
  return $$('.pc-page').map((el) => {
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
}

/** The table of contents: open/closed (narrow screens), current entry in view. */
function tableOfContents(t: Translate) {
  const toggle = $<HTMLButtonElement>('#pc-toc-toggle')
  const toc = $('#pc-toc')
  const body = document.body

  let current: HTMLAnchorElement | null = null

  /** Scrolls the contents (when they scroll on their own) so that the current entry is in view. */
  const reveal = (): void => {
    const link = current
    if (toc && link && toc.scrollHeight > toc.clientHeight && link.offsetParent === toc) {
      const top = link.offsetTop
      if (top < toc.scrollTop || top + link.offsetHeight > toc.scrollTop + toc.clientHeight) toc.scrollTop = top - toc.clientHeight / 3
    }
  }

  const setOpen = (open: boolean): void => {
    body.classList.toggle('pc-toc-open', open)
    if (toggle) toggle.setAttribute('aria-expanded', String(open))
    // On a phone the contents open as a panel of their own: on the current entry, not the first.
    if (open) reveal()
  }

  // The entry marked current: only it and the new one change (a loop over every entry cost a
  // 2,400-page SCO several milliseconds a page).
  let marked: HTMLAnchorElement | null = null
  const setCurrent = (page: NavPage): void => {
    if (marked && marked !== page.link) marked.removeAttribute('aria-current')
    if (page.link) page.link.setAttribute('aria-current', 'page')
    marked = page.link
    // Keep the current entry in view when the contents scroll on their own (wide screens): at the
    // next frame, when the page is laid out anyway (read now, its position forced a layout of the
    // whole contents in the middle of the page change).
    current = page.link
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(guard(reveal))
    else reveal()
  }

  /** The toggle button, and Escape to close. */
  const wire = (): void => {
    toggle?.addEventListener(
      'click',
      guard(() => setOpen(!body.classList.contains('pc-toc-open'))),
    )
    document.addEventListener(
      'keydown',
      guard((event: KeyboardEvent) => {
        if (event.key === 'Escape' && body.classList.contains('pc-toc-open')) {
          setOpen(false)
          toggle?.focus()
        }
      }),
    )
    setOpen(false)
  }

  return { setOpen, setCurrent, wire }
}

/** Links to other sites open in a new tab (so as not to replace the course in the LMS): say so. */
export function labelNewTabLinks(t: Translate, root: ParentNode): void {
  for (const a of $$('a[target="_blank"]', root)) {
    const hint = document.createElement('span')
    hint.className = 'pc-sr-only'
    hint.textContent = ' ' + t('newTab')
    a.appendChild(hint)
  }
}

/** TOC links and in-content links to another page (`#p-<domId>`) change page instead of jumping. */
function followPageLinks(find: (idOrKey: string) => number, showIndex: (i: number) => void): void {
  document.addEventListener(
    'click',
    guard((event: MouseEvent) => {
      const target = event.target as Element | null
      const link = target && target.closest ? target.closest<HTMLAnchorElement>('a[href^="#p-"]') : null
      if (!link || event.defaultPrevented || event.button !== 0) return
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
      const i = find((link.getAttribute('href') ?? '').slice(1))
      if (i < 0) return
      event.preventDefault()
      showIndex(i)
    }),
  )
}

/** Window resized, zoomed or text enlarged: tables may start or stop scrolling sideways. */
function refitOnResize(current: () => NavPage | undefined, t: Translate): void {
  const refit = guard(() => {
    const page = current()
    if (page) keyboardScroll(page.el, t)
  })
  if (typeof ResizeObserver === 'function') new ResizeObserver(refit).observe($('#pc-main') ?? document.body)
  else window.addEventListener('resize', refit)
}

export function setupNav(options: NavOptions): Nav {
  const { data, t } = options
  const pages = pagesOf(data)
  const toc = tableOfContents(t)
  let index = -1
  // A page's content, built from its inert text when first needed (lazy-page.ts).
  const build = (page: NavPage | undefined): void => {
    if (page && buildPage(page.el)) options.onBuild(page.el)
  }
  const shelf = pageShelf(
    pages,
    () => pages[index],
    () => pages.forEach(build),
  )
  const prev = $<HTMLButtonElement>('#pc-prev')
  const next = $<HTMLButtonElement>('#pc-next')

  const showIndex = (i: number, initial: boolean): void => {
    const page = pages[i]
    if (!page) return
    const before = index
    const previous = pages[before]
    index = i
    build(page)
    // At launch every page is visible (the page without JavaScript); later only two change.
    if (!previous) pages.forEach((p, j) => show(p.el, j === i))
    else if (previous !== page) show(previous.el, false)
    show(page.el, true)
    shelf.bring(i)
    if (!previous) shelf.allButCurrent()
    toc.setCurrent(page)
    if (prev) prev.disabled = i === 0
    if (next) next.disabled = i === pages.length - 1
    // Unique per page (RGAA 8.6): several modules have an "Évaluation" or a "Sources" page.
    document.title = [page.title, page.module, data.title].filter((x, j, all) => x && all.indexOf(x) === j).join(' \u2013 ')
    if (!initial) {
      toc.setOpen(false)
      window.scrollTo(0, 0)
    }
    // onShow first, then the focus: what it has to say (the course just finished) is said with the
    // title the focus reads (dom.ts sayWithNextFocus), not on its own.
    options.onShow(page, initial)
    // Every change to the document first (page, contents, progress, marks), then what reads its
    // layout (widths of tables, focus and scrolling): the browser lays the page out once.
    keyboardScroll(page.el, t)
    if (!initial) focusOn($<HTMLElement>('h1', page.el))
    // Out once the focus has left it: removing the focused element cost more than moving the focus.
    if (before >= 0 && before !== i) shelf.put(before)
    // The next page built once this one is drawn: its images load while this one is read (and
    // are there if the connection drops), and « Suivant » does not wait for its markup.
    options.later(() => build(pages[i + 1]))
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

  prev?.addEventListener(
    'click',
    guard(() => {
      if (index > 0) showIndex(index - 1, false)
    }),
  )
  next?.addEventListener(
    'click',
    guard(() => {
      if (index < pages.length - 1) showIndex(index + 1, false)
    }),
  )
  followPageLinks(find, (i) => showIndex(i, false))
  refitOnResize(() => pages[index], t)
  toc.wire()

  return { pages, current: () => pages[index], go }
}
