/**
 * The learner-visible prose of a module file, as a string of the same length as the file where
 * everything else is masked (MASK): front matter keys and syntax, code, URLs and link targets,
 * heading attributes, `:::` lines, `{lang=…}` attributes and passages in another language, HTML
 * comments (the authors' notes), table delimiter rows. Rules that read text (typography, working
 * notes) search this view, and `--fix` edits the file at the same indices: whatever is masked can
 * never be changed.
 */
import { MASK, maskPart } from '../../shared/french-typography.js'

export function proseView(text: string): string {
  return proseLines(text).join('\n')
}

/**
 * The same, line by line. With `only`, the lines it refuses are left out (empty), where the
 * costly part (the body's masks) is skipped: a rule that looks for rare words reads a few lines.
 */
export function proseLines(text: string, only?: (line: number) => boolean): string[] {
  const lines = text.split('\n')
  const out: string[] = []
  let frontMatter = lines[0]?.trim() === '---'
  let fence: string | undefined
  let inComment = false
  lines.forEach((line, n) => {
    if (frontMatter) {
      if (n > 0 && line.trim() === '---') frontMatter = false
      out.push(n === 0 || !frontMatter ? maskPart(line) : frontMatterLine(line))
      return
    }
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined
      out.push(maskPart(line))
      return
    }
    if (fenceMark) {
      fence = fenceMark
      out.push(maskPart(line))
      return
    }
    let view = line
    // HTML comments, possibly over several lines.
    if (inComment) {
      const end = view.indexOf('-->')
      if (end < 0) return void out.push(maskPart(view))
      view = maskPart(view.slice(0, end + 3)) + view.slice(end + 3)
      inComment = false
    }
    view = view.replace(/<!--[\s\S]*?-->/g, maskPart)
    const open = view.indexOf('<!--')
    if (open >= 0) {
      view = view.slice(0, open) + maskPart(view.slice(open))
      inComment = true
    }
    out.push(!only || only(n) ? bodyLine(view) : '')
  })
  return out
}

/** In front matter only the values of `title:` and list items (objectives) are prose. */
function frontMatterLine(line: string): string {
  const m = /^(title:\s*|\s*-\s+)(.*)$/.exec(line)
  if (!m) return maskPart(line)
  let value = m[2]!
  // YAML quotes are syntax, not quotation marks.
  const q = /^(["'])(.*)\1\s*$/.exec(value)
  if (q) value = MASK + q[2]! + MASK + maskPart(value.slice(q[2]!.length + 2))
  return maskPart(m[1]!) + value
}

function bodyLine(line: string): string {
  if (/^\s*:{3,}/.test(line)) return maskPart(line)
  if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) return maskPart(line)
  return (
    line
      // Inline code.
      .replace(/(`+)[^`]*?\1/g, maskPart)
      // A passage in another language, text and attribute: its own typography.
      .replace(/\[[^\]\n]*\]\{lang=(?!fr\b)[^}\n]*\}/g, maskPart)
      // Attributes: heading {#id .class}, {lang=fr}.
      .replace(/\{[#.][^}\n]*\}|\{lang=[^}\n]*\}/g, maskPart)
      // Link and image targets, with an optional title; the `!` of an image.
      .replace(/\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+"[^"\n]*")?\)/g, (m) => ']' + maskPart(m.slice(1)))
      .replace(/!\[/g, MASK + '[')
      // Autolinks and reference definitions.
      .replace(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, maskPart)
      .replace(/^\s*\[[^\]]+\]:\s.*$/, maskPart)
      // Task boxes of questions: `- [x]` (their `]` is not prose).
      .replace(/^(\s*[-*+]\s+)\[[ xX]\]/, (m) => maskPart(m))
  )
}

const QUESTION_OPEN = /^\s*:{3,}\s*(qcu|qcm|vrai-faux|association|single|multiple|true-false|matching)\b/i

/**
 * 0-based lines that are a question's answers (`- [x] …`, `- item -> match`): their text is part
 * of the learners' saved answers (state-key.ts, answerRev), so `--fix` only turns spaces there
 * into no-break spaces (answerRev reads them as spaces) and never adds a character.
 */
export function answerLines(text: string): Set<number> {
  const lines = new Set<number>()
  let inQuestion = false
  text.split('\n').forEach((line, n) => {
    if (QUESTION_OPEN.test(line)) inQuestion = true
    else if (inQuestion && /^\s*:{3,}\s*$/.test(line)) inQuestion = false
    else if (inQuestion && /^\s*[-*+]\s/.test(line)) lines.add(n)
  })
  return lines
}
