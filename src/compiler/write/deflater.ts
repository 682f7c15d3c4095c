/**
 * Raw deflate (level 9) on Node's thread pool, one zlib state used for file after file. A new
 * state per file (`zlib.deflateRaw`) allocates ≈ 260 KB, clears it, and frees it at the end, on
 * the main thread: ≈ 0.4 ms a file, 80 ms of a 200-module build where the deflating itself runs
 * beside it (issue 14). `deflateReset` (zlib's, through Node's documented `reset()`) starts the next
 * file from a state equal to a new one: the same bytes as `deflateRawSync`, checked by
 * test/unit/compiler/zip.test.ts against yazl's and zlib's.
 */
import { constants, createDeflateRaw, type DeflateRaw } from 'node:zlib'

export class Deflater {
  readonly #stream: DeflateRaw
  #chunks: Buffer[] = []
  #failed: ((error: Error) => void) | undefined
  #closed = false

  constructor() {
    this.#stream = createDeflateRaw({ level: 9 })
    this.#stream.on('data', (chunk: Buffer) => this.#chunks.push(chunk))
    this.#stream.on('error', (error: Error) => this.#failed?.(error))
  }

  /** `bytes` deflated (a complete raw deflate stream). One call at a time per Deflater. */
  deflate(bytes: Uint8Array): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.#failed = reject
      if (bytes.length) this.#stream.write(bytes)
      this.#stream.flush(constants.Z_FINISH, () => {
        this.#failed = undefined
        if (this.#closed) return reject(new Error('deflate: closed while deflating'))
        // A write's output is pushed before its callback and, the stream flowing, each push is a
        // 'data' event at once. Output still buffered would be a case not seen: an error, never a
        // short entry.
        if (this.#stream.readableLength) return reject(new Error('deflate: output left unread'))
        const out = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks)
        this.#chunks = []
        this.#stream.reset()
        resolve(out)
      })
    })
  }

  /** Frees the zlib state (after a deflate in progress, if any). */
  close(): void {
    this.#closed = true
    this.#stream.close()
  }
}
