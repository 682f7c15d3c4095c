/**
 * The files attached to a PDF written by `certify issue` (pdf-lib: each attachment is an
 * `/Type /EmbeddedFile` stream, Flate-compressed, with a direct `/Length`). A small reader rather
 * than a PDF library: the verifier page must stay small, and we only read back what we wrote.
 * Anything else (no attachment, an indirect length, a bomb) is refused. No Node API.
 */

import { pipeBounded } from '../bounded-stream.js'

const MAX_FILES = 8
const MAX_INFLATED = 256_000

function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  return pipeBounded(bytes, new DecompressionStream('deflate'), MAX_INFLATED)
}

const NAMES: Record<string, string> = { 'application#2Fjson': 'attestation.json', 'text#2Fplain': 'qr-token.txt' }

export async function attachedFiles(pdf: Uint8Array): Promise<{ name: string; bytes: Uint8Array }[]> {
  // latin1 maps each byte to one char: string offsets are byte offsets.
  const text = new TextDecoder('latin1').decode(pdf)
  const files: { name: string; bytes: Uint8Array }[] = []
  let from = 0
  for (;;) {
    const at = text.indexOf('/Type /EmbeddedFile\n', from)
    if (at < 0) break
    if (files.length >= MAX_FILES) throw new Error('too many attachments')
    const objStart = text.lastIndexOf(' obj', at)
    const streamAt = text.indexOf('stream', at)
    if (objStart < 0 || streamAt < 0) throw new Error('malformed attachment')
    const dict = text.slice(objStart, streamAt)
    const length = /\/Length (\d{1,7})\s/.exec(dict)
    const subtype = /\/Subtype \/(\S+)/.exec(dict)
    if (!length || !/\/Filter \/FlateDecode/.test(dict)) throw new Error('unsupported attachment')
    let start = streamAt + 'stream'.length
    if (text[start] === '\r') start++
    if (text[start] === '\n') start++
    const end = start + Number(length[1])
    if (
      end > pdf.length ||
      !text
        .slice(end, end + 12)
        .trimStart()
        .startsWith('endstream')
    )
      throw new Error('bad attachment length')
    files.push({ name: NAMES[subtype?.[1] ?? ''] ?? 'attachment.bin', bytes: await inflate(pdf.subarray(start, end)) })
    from = end
  }
  return files
}
