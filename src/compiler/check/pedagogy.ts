/**
 * Pedagogy rules: what a careful reviewer of a course would point out.
 *   - links in http:// (token rule);
 *   - declared duration far from the estimated time: words ÷ 150 (an adult reading to learn, in
 *     words per minute) + 2 min per question (reading, answering, reading the feedback), rounded; a warning when the
 *     declared duration is under half or over three times the estimate, and 10 min away from it;
 *   - a "Correct" feedback that only repeats the right answer;
 *   - authors' working notes left in the learners' text (« à vérifier », « n'a pas pu être
 *     consulté », TODO…) instead of an HTML comment.
 * Modules without objectives are already refused by the front matter schema (objectives: at least one).
 */
import { warning, type Diagnostic } from '../diagnostics.js'
import type { Module } from '../types.js'
import { locateIn } from './locate.js'
import { proseLines } from './prose.js'
import type { TokenRule } from './token-rules.js'

export const WORDS_PER_MINUTE = 150
export const MINUTES_PER_QUESTION = 2

export const pedagogyRules: TokenRule = ({ tokens, env, lines, maps }) => {
  for (let i = 0; i < tokens.length; i++) {
    const children = tokens[i]!.children
    if (!children) continue
    for (const child of children) {
      if (child.type !== 'link_open') continue
      const href = String(child.attrGet('href') ?? '')
      if (/^http:\/\//i.test(href)) env.diagnostics.push(warning('link/insecure', env.file, locateIn(env, lines, maps[i], 'http://'), { href }))
    }
  }
}

/** Minutes a module takes, by the formula above. */
export function estimateMinutes(module: Module): { minutes: number; words: number; questions: number } {
  let words = 0
  let questions = 0
  for (const page of module.pages)
    for (const block of page.blocks) {
      if (block.kind === 'html') words += countWords(block.html)
      else {
        questions++
        words += countWords(block.question.stemHtml) + block.question.choices.reduce((n, c) => n + countWords(c.text), 0)
      }
    }
  return { minutes: Math.round(words / WORDS_PER_MINUTE + questions * MINUTES_PER_QUESTION), words, questions }
}

export function checkDuration(module: Module, durationAt: { line: number; column: number } | undefined): Diagnostic[] {
  const { minutes, words, questions } = estimateMinutes(module)
  const declared = module.duration
  const far = (declared < minutes / 2 || declared > minutes * 3) && Math.abs(declared - minutes) >= 10
  return far ? [warning('pedagogy/duration', module.file, durationAt ?? { line: 1, column: 1 }, { declared, estimated: minutes, words, questions })] : []
}

export function checkFeedback(module: Module): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const page of module.pages)
    for (const block of page.blocks) {
      if (block.kind !== 'question') continue
      const q = block.question
      const feedback = normalise(stripTags(q.feedbackCorrectHtml))
      if (!feedback) continue
      const answers = q.type === 'matching' ? [] : q.choices.filter((c) => q.correct.includes(c.token)).map((c) => normalise(c.text))
      if (answers.length && (answers.includes(feedback) || feedback === answers.join(' '))) {
        diagnostics.push(warning('question/feedback-repeats-answer', module.file, { line: q.source.line, column: 1 }, { id: q.id }))
      }
    }
  return diagnostics
}

const WORKING_NOTE =
  /\b(?:TODO|FIXME|TBD|XXX)\b|(?<!\p{L})à (?:vérifier|compléter|confirmer|sourcer)(?!\p{L})|\bn['’]a pas pu être consulté(?:e|s|es)?(?!\p{L})|\bsource à trouver(?!\p{L})/giu

/**
 * Every text that WORKING_NOTE can match contains one of these. The full pattern (Unicode
 * lookbehinds, case-insensitive) is slow over a whole course; this plain one skips the lines that
 * cannot match, so the full pattern only runs on a handful of lines.
 */
const WORKING_NOTE_HINTS = /todo|fixme|tbd|xxx|à (?:vérifier|compléter|confirmer|sourcer)|a pas pu être consulté|source à trouver/gi

export function checkWorkingNotes(file: string, text: string): Diagnostic[] {
  // Masking never makes a word: only the lines where the hint is found in the text can hold a note.
  // One scan of the text (a hint never spans two lines), not a split and a test per line.
  const candidates = new Set<number>()
  let line = 0
  let lineEnd = text.indexOf('\n')
  for (const m of text.matchAll(WORKING_NOTE_HINTS)) {
    while (lineEnd !== -1 && lineEnd < m.index) {
      line++
      lineEnd = text.indexOf('\n', lineEnd + 1)
    }
    candidates.add(line)
  }
  if (candidates.size === 0) return []
  const view = proseLines(text, (n) => candidates.has(n))
  const diagnostics: Diagnostic[] = []
  for (const n of candidates)
    for (const m of view[n]!.matchAll(WORKING_NOTE)) diagnostics.push(warning('text/working-note', file, { line: n + 1, column: m.index + 1 }, { note: m[0] }))
  return diagnostics
}

/** Tags and entities become spaces (one pass: `&nbsp;` is an entity like the others). */
function stripTags(html: string): string {
  return html.replace(/<[^>]*>|&[#\w]+;/g, ' ')
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * Words of a fragment: runs of non-space characters holding at least one letter or digit (one
 * scan, no copy); a tag or an entity separates words, as a space would.
 */
function countWords(html: string): number {
  let words = 0
  let inWord = false
  let counted = false
  for (let i = 0; i < html.length; i++) {
    const code = html.charCodeAt(i)
    if (code === 60 /* < */ || code === 38 /* & */) {
      const end = html.indexOf(code === 60 ? '>' : ';', i)
      // `&` not starting an entity (`&[#\w]+;`) is text, as stripTags read it.
      if (end > i && (code === 60 || /^&[#\w]+;$/.test(html.slice(i, end + 1)))) {
        i = end
        inWord = false
        continue
      }
    }
    if (code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x202f || (code > 0x167f && /\s/.test(html[i]!))) {
      inWord = false
      continue
    }
    if (!inWord) {
      inWord = true
      counted = false
    }
    if (counted) continue
    const alnum = code < 128 ? (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) : LETTER_OR_DIGIT.test(html[i]!)
    if (alnum) {
      words++
      counted = true
    }
  }
  return words
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/^(?:bonne réponse|correct|exact|oui|c['’]est)\s*[:.,!\u00a0\u202f]*\s*/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
