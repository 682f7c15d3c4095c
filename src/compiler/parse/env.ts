/**
 * What our markdown-it plugins share during one module's parse (markdown-it's documented `env`
 * channel). A `type`, not an `interface`: markdown-it 15 types env with an index signature.
 */
import type { Diagnostic } from '../diagnostics.js'
import type { Asset } from '../types.js'

export type ParseEnv = {
  /** Module file, relative to the course folder. */
  file: string
  /** 0-based line of the file where the Markdown body starts (after the front matter). */
  bodyLine: number
  diagnostics: Diagnostic[]
  /** Resolves an image `src` written in the module (decoded) to a file of the course, or undefined. */
  resolveAsset: (src: string) => string | undefined
  /** Closest existing file to a missing image path, for the hint. */
  suggestAsset: (src: string) => string | undefined
  /** Package path for a course file, e.g. `media/rgpd-ecole/schema.png` (`media/_/commun/logo.png` outside the module's folder). */
  packagePath: (courseFile: string) => string
  assets: Asset[]
  /** Labels of callouts and the like, in the course language. */
  labels: Record<string, string>
  /** The module's id: prefixes the HTML ids the module's Markdown creates, unique in a SCO of several modules. */
  idPrefix: string
  /** Links found by the check rules (check/token-rules.ts), with their positions. */
  links?: { href: string; line: number; column: number }[]
  /** The parsed text's lines, split once for every plugin that locates a finding (linesOf). */
  lines?: { src: string; lines: readonly string[] }
}

/**
 * The lines of `src`, the text markdown-it is parsing (`state.src`): four core rules search them
 * for positions; split once per text, not once per rule (≈ 400 strings per module each time).
 */
export function linesOf(env: ParseEnv, src: string): readonly string[] {
  if (env.lines?.src !== src) env.lines = { src, lines: src.split('\n') }
  return env.lines.lines
}

/** 1-based file line of a 0-based markdown-it body line. */
export function fileLine(env: ParseEnv, bodyLine: number): number {
  return env.bodyLine + bodyLine + 1
}
