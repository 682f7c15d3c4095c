/**
 * parcours as a library: `build()` for the CLI, `compile()` for in-process use (preview serves
 * its output from memory, tests inspect it without a disk round trip).
 */
import { join } from 'node:path'
import type { ScormVersion } from './shared/sco-data.js'
import { compile, type CompileResult } from './compiler/pipeline.js'
import { readBuiltins } from './compiler/read/read-builtins.js'
import { readTree } from './compiler/read/read-tree.js'
import { writeAtomic } from './compiler/write/write-atomic.js'
import { zipFiles } from './compiler/write/zip.js'

export { compile } from './compiler/pipeline.js'
export { CompileError, formatDiagnostic, type Diagnostic } from './compiler/diagnostics.js'
export { readBuiltins } from './compiler/read/read-builtins.js'
export { readTree } from './compiler/read/read-tree.js'
export { zipFiles } from './compiler/write/zip.js'
export type * from './compiler/types.js'
export type * from './shared/sco-data.js'

export interface BuildOptions {
  out: string
  formats: readonly ScormVersion[]
}

export interface BuildResult extends CompileResult {
  /** Paths of the zips written, in format order. */
  written: string[]
}

/** Reads a course folder, compiles it, and writes one zip per format; nothing is written on error. */
export async function build(contentDir: string, options: BuildOptions): Promise<BuildResult> {
  const [tree, builtins] = await Promise.all([readTree(contentDir), readBuiltins()])
  const result = compile(tree, builtins, options.formats)
  const zips = await Promise.all(result.packages.map(async (pkg) => ({ path: join(options.out, pkg.name), bytes: await zipFiles(pkg.files) })))
  for (const zip of zips) await writeAtomic(zip.path, zip.bytes)
  return { ...result, written: zips.map((z) => z.path) }
}
