/**
 * The pages' HTML kept as UTF-8 bytes until it is read. It is the largest part of the course
 * model: at 1,000 modules ≈ 21 million characters, ≈ 29 MB of V8 heap, two bytes per character in
 * every block where typography put a U+202F. In one buffer per module, outside the heap, it is
 * ≈ 22 MB that the garbage collector neither walks nor counts when it sizes the heap, and the
 * build's peak memory went from ≈ 220 to ≈ 185 MB (issue 14; test/bench/README.md). A block's HTML
 * is decoded when read: the duration estimate, the links' rewrite and the page's rendering read it,
 * once each in a build.
 */
import type { Module, PageBlock } from './types.js'

/** A `{ kind: 'html', html }` block whose text lives in a byte range of a shared buffer. */
export class HtmlBlock {
  readonly kind = 'html'
  // Private fields: invisible to ownStrings' walk and to for…in (a buffer would be walked byte by byte).
  #bytes: Buffer
  #start: number
  #end: number

  constructor(bytes: Buffer, start: number, end: number) {
    this.#bytes = bytes
    this.#start = start
    this.#end = end
  }

  get html(): string {
    return this.#bytes.toString('utf8', this.#start, this.#end)
  }

  /** Rewritten HTML (internal links, check/course-files.ts): a buffer of its own. */
  set html(value: string) {
    this.#bytes = Buffer.from(value, 'utf8')
    this.#start = 0
    this.#end = this.#bytes.length
  }
}

/** The module with each HTML block's text moved into one buffer (exactly sized, off the pool). */
export function compactHtml(module: Module): Module {
  let size = 0
  for (const page of module.pages) for (const block of page.blocks) if (block.kind === 'html') size += Buffer.byteLength(block.html, 'utf8')
  // Every byte is written below: allocUnsafeSlow's uninitialised memory never shows.
  const bytes = Buffer.allocUnsafeSlow(size)
  let at = 0
  const compact = (block: PageBlock): PageBlock => {
    if (block.kind !== 'html') return block
    const start = at
    at += bytes.write(block.html, at, 'utf8')
    return new HtmlBlock(bytes, start, at)
  }
  return { ...module, pages: module.pages.map((page) => ({ ...page, blocks: page.blocks.map(compact) })) }
}
