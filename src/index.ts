/**
 * parcours as a library: `build()` for the CLI, `compile()` for in-process use (preview serves
 * its output from memory, tests inspect it without a disk round trip).
 */
import { join } from 'node:path'
import type { ScormVersion } from './shared/sco-data.js'
import { compile, createAnalysisCache, type AnalysisCache, type CompileResult } from './compiler/pipeline.js'
import { readBuiltins } from './compiler/read/read-builtins.js'
import { readTree } from './compiler/read/read-tree.js'
import { writeAllAtomic } from './compiler/write/write-atomic.js'
import { writeZip } from './compiler/write/zip.js'

export { compile } from './compiler/pipeline.js'
export { CompileError, formatDiagnostic, type Diagnostic } from './compiler/diagnostics.js'
export { readBuiltins } from './compiler/read/read-builtins.js'
export { readTree } from './compiler/read/read-tree.js'
export { zipFiles } from './compiler/write/zip.js'
export { analyse, createAnalysisCache, render, type Analysis, type AnalysisCache } from './compiler/pipeline.js'
export { decode, emptyState, encode, worstCaseStateLength } from './shared/state-codec.js'
export { stateKey } from './shared/state-key.js'
export type * from './compiler/types.js'
export type * from './shared/sco-data.js'

export interface BuildOptions {
  out: string
  formats: readonly ScormVersion[]
  /** Re-use the analysis of unchanged modules from earlier builds (watch mode). */
  cache?: AnalysisCache
}

/** The output folder cannot be written (a file in the way, no permission, disk full). */
export class OutputError extends Error {
  readonly out: string
  constructor(out: string, cause: unknown) {
    super(`cannot write to ${out}: ${(cause as Error).message}`, { cause })
    this.name = 'OutputError'
    this.out = out
  }
}

export interface BuildResult extends CompileResult {
  /** Paths of the zips written, in format order. */
  written: string[]
}

/** Reads a course folder, compiles it, and writes one zip per format; nothing is written on error. */
export async function build(contentDir: string, options: BuildOptions): Promise<BuildResult> {
  const builtins = await readBuiltins()
  // The read stage parses the modules to find their images; the cache hands that parse to compile().
  const cache = options.cache ?? createAnalysisCache()
  const tree = await readTree(contentDir, { strings: builtins.strings, cache })
  const result = compile(tree, builtins, options.formats, cache)
  // Each zip is streamed to its temporary file, never gathered whole in memory.
  const zips = result.packages.map((pkg) => ({ path: join(options.out, pkg.name), write: (to: string) => writeZip(pkg.files, to) }))
  try {
    await writeAllAtomic(zips)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code && ['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EISDIR'].includes(code)) throw new OutputError(options.out, e)
    throw e
  }
  return { ...result, written: zips.map((z) => z.path) }
}
