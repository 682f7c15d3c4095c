// parcours writes its zips itself (src/compiler/write/zip.ts) to drive the deflating, but the bytes
// must be yazl's, the zipper whose packages Moodle has imported: same files in, same bytes out.
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import yazl from 'yazl'
import type { PlannedFile } from '../../../src/compiler/types.js'
import { Deflater } from '../../../src/compiler/write/deflater.js'
import { zipFiles } from '../../../src/compiler/write/zip.js'

/** What the build gave yazl before: sorted entries, local 2000-01-01, mode 0644, level 9, no timestamp field. */
async function yazlZip(files: readonly { path: string; contents: string | Uint8Array }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1)))
    zip.addBuffer(Buffer.from(f.contents as string), f.path, { mtime: new Date(2000, 0, 1), mode: 0o100644, compressionLevel: 9, forceDosTimestamp: true })
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

let seed = 11
const noise = Uint8Array.from({ length: 200_000 }, () => ((seed = (seed * 48271) % 2147483647), seed % 256))
const FILES = [
  { path: 'imsmanifest.xml', contents: '<?xml version="1.0"?><manifest/>' },
  { path: 'mod-02/index.html', contents: '<p>Élève « cœur » — ✓</p>'.repeat(5000) },
  { path: 'media/mod-01/schéma-œuvre.png', contents: noise },
  { path: 'media/empty.txt', contents: '' },
  { path: 'parcours.js', contents: 'console.log(1)\n' },
  ...Array.from({ length: 30 }, (_, i) => ({ path: `m${String(i).padStart(2, '0')}/index.html`, contents: `<h2>Page ${i}</h2>`.repeat(i * 50) })),
]

describe('zip writer', () => {
  it('writes the bytes yazl wrote, for text, binary, empty and non-ASCII names', async () => {
    expect((await zipFiles(FILES)).equals(await yazlZip(FILES))).toBe(true)
  })

  it('renders a file given as a function when it gets to it, in path order, and reads back', async () => {
    const rendered: string[] = []
    const lazy: PlannedFile[] = FILES.map((f) => ({ path: f.path, contents: () => (rendered.push(f.path), f.contents) }))
    const zip = await zipFiles(lazy)
    expect(zip.equals(await yazlZip(FILES))).toBe(true)
    expect(rendered).toEqual(FILES.map((f) => f.path).sort())
    const read = await JSZip.loadAsync(zip)
    expect(Object.keys(read.files).sort()).toEqual(FILES.map((f) => f.path).sort())
    expect(Buffer.from(await read.file('media/mod-01/schéma-œuvre.png')!.async('uint8array')).equals(Buffer.from(noise))).toBe(true)
    expect(await read.file('mod-02/index.html')!.async('string')).toBe(FILES[1]!.contents)
  })

  it('keeps the last of two files with one path, and fails as a whole when a file cannot be rendered', async () => {
    const zip = await zipFiles([
      { path: 'a.txt', contents: 'first' },
      { path: 'a.txt', contents: 'second' },
    ])
    const data = zip.subarray(30 + 5, zip.readUInt32LE(18) + 30 + 5)
    expect(inflateRawSync(data).toString()).toBe('second')
    const broken = [
      { path: 'a.txt', contents: 'a' },
      {
        path: 'b.txt',
        contents: (): string => {
          throw new Error('template failed')
        },
      },
    ]
    await expect(zipFiles(broken)).rejects.toThrow('template failed')
  })

  it('deflates file after file with one zlib state, each as a fresh deflateRawSync would', async () => {
    const deflater = new Deflater()
    const inputs = [noise, Buffer.alloc(0), Buffer.from('<p>Élève « cœur »</p>'.repeat(3000)), noise.subarray(0, 70_000), Buffer.from('a'), Buffer.alloc(0)]
    try {
      for (const input of inputs) expect((await deflater.deflate(input)).equals(deflateRawSync(input, { level: 9 }))).toBe(true)
    } finally {
      deflater.close()
    }
  })
})
