/** Compiles a course folder in-process, optionally patching its files first (e.g. course.yml). */
import { resolve } from 'node:path'
import { compile, readBuiltins, readTree, zipFiles } from '../../src/index.js'
import type { ScormVersion, SourceTree } from '../../src/index.js'
import { recordAnswerKey } from './answer-key.js'

export const ROOT = resolve(import.meta.dirname, '../..')
export const CONTENT = resolve(ROOT, 'content')

export async function loadTree(dir = CONTENT, patch: Record<string, string | ((text: string) => string)> = {}): Promise<SourceTree> {
  const tree = await readTree(dir)
  for (const [path, change] of Object.entries(patch)) {
    const before = tree.files[path]?.text ?? ''
    tree.files[path] = { path, text: typeof change === 'function' ? change(before) : change }
  }
  return tree
}

export async function compileToZip(tree: SourceTree, format: ScormVersion): Promise<{ zip: Buffer; result: ReturnType<typeof compile> }> {
  const result = compile(tree, await readBuiltins(), [format])
  if (result.course) recordAnswerKey(result.course)
  return { zip: await zipFiles(result.packages[0]!.files), result }
}
