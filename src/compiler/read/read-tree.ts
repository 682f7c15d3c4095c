/** I/O in: a course folder → SourceTree. Text files are decoded, others kept as bytes. */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { SourceFile, SourceTree } from '../types.js'

const TEXT = /\.(md|markdown|ya?ml|hbs|json|css|txt)$/i

export async function readTree(root: string): Promise<SourceTree> {
  const files: Record<string, SourceFile> = {}
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !p.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort()
  await Promise.all(
    paths.map(async (path) => {
      const bytes = await readFile(join(root, path))
      files[path] = TEXT.test(path) ? { path, text: bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') } : { path, bytes }
    }),
  )
  return { root, files }
}
