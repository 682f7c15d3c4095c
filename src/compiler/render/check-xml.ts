/**
 * Is a rendered imsmanifest.xml well-formed XML? An overridden manifest template can produce a
 * document Moodle's import rejects (an unclosed element, `&nbsp;`, a stray `<`); parcours says so
 * instead of writing the package. saxes is a conformant, non-validating XML 1.0 parser.
 */
import { SaxesParser } from 'saxes'

export function xmlProblem(xml: string): { line: number; column: number; reason: string } | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true })
  let problem: { line: number; column: number; reason: string } | undefined
  parser.on('error', (e) => {
    // The first error only: the parser's follow-ups describe the same mistake.
    problem ??= { line: parser.line, column: parser.column, reason: e.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '') }
  })
  try {
    parser.write(xml).close()
  } catch (e) {
    problem ??= { line: parser.line, column: parser.column, reason: e instanceof Error ? e.message : String(e) }
  }
  return problem
}
