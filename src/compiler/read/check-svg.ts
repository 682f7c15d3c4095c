/**
 * An author's SVG is copied into the package, where anyone can open it by its URL: inside the
 * LMS's origin, a script in it would run with the learner's session. No script ever ships: an SVG
 * with a `<script>`, a `<foreignObject>` (HTML inside), an event attribute (`onload=`…) or a
 * `javascript:` link is refused, at the line and column of the first one.
 */
import { SaxesParser } from 'saxes'

export interface SvgProblem {
  line: number
  column: number
  /** What was found: `<script>`, `onload=`, `javascript:`, or the XML error. */
  found: string
}

const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener'])

export function svgProblem(text: string): SvgProblem | undefined {
  const parser = new SaxesParser({ position: true })
  let problem: SvgProblem | undefined
  const report = (found: string): void => {
    problem ??= { line: parser.line, column: parser.column, found }
  }
  parser.on('opentag', (tag) => {
    const local = tag.name.split(':').pop()!.toLowerCase()
    if (FORBIDDEN_ELEMENTS.has(local)) report(`<${tag.name}>`)
    for (const [name, value] of Object.entries(tag.attributes)) {
      const attribute = name.split(':').pop()!.toLowerCase()
      if (attribute.startsWith('on')) report(`${name}=`)
      else if (/^\s*(javascript|vbscript|data\s*:\s*text\/html)/i.test(String(value).replace(/[\u0000-\u0020]/g, ''))) report(`${name}="${String(value).slice(0, 40)}"`)
    }
  })
  parser.on('error', (e) => report(e.message.replace(/^\d+:\d+: /, '')))
  try {
    parser.write(text).close()
  } catch {
    // reported by the error handler
  }
  return problem
}
