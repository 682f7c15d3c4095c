/**
 * The `certification` section of course.yml, read for `parcours certify issue`. The compiler's
 * schema (src/compiler/parse/course-config.ts) validates the same keys for `parcours check`; this
 * reader keeps certify independent of the compiler, and checks what a table cannot say (exactly
 * one of rule.activities / rule.course). A test keeps the two key lists equal.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import type { Rule } from './decide.js'
import { assertTimeZone } from './exports/dates.js'
import { CertifyError, problem, type Problem } from './problems.js'

export interface CertificationConfig {
  courseId: string
  courseTitle: string
  title: string
  wording: string
  objectives: string[]
  durationMinutes: number
  rule: Rule
  issuer: { name: string; address: string }
  signatory: { role: string; name?: string }
  timeZone: string
}

export const CERTIFICATION_KEYS = {
  '': ['title', 'wording', 'objectives', 'duration', 'rule', 'issuer', 'signatory', 'timezone'],
  rule: ['activities', 'course', 'minGrade'],
  issuer: ['name', 'address'],
  signatory: ['role', 'name'],
} as const

export const DEFAULT_TITLE = 'Attestation de formation'
export const DEFAULT_TIME_ZONE = 'Europe/Paris'

export async function readCertificationConfig(courseDir: string, display = 'course.yml'): Promise<CertificationConfig> {
  let text: string
  try {
    text = await readFile(join(courseDir, 'course.yml'), 'utf8')
  } catch (e) {
    throw new CertifyError(problem('config/no-course', display, undefined, { reason: String((e as NodeJS.ErrnoException).code ?? e) }))
  }
  return parseCertificationConfig(text, display)
}

export function parseCertificationConfig(text: string, file = 'course.yml'): CertificationConfig {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true })
  const at = (node: Node | null | undefined) => {
    const p = lines.linePos(node?.range?.[0] ?? 0)
    return { line: p.line, column: p.col }
  }
  if (doc.errors.length) {
    const e = doc.errors[0]!
    const p = lines.linePos(e.pos[0])
    throw new CertifyError(problem('config/yaml', file, { line: p.line, column: p.col }, { reason: e.message.split('\n')[0]! }))
  }
  const root = doc.contents
  const problems: Problem[] = []
  const get = (map: Node | null | undefined, key: string): Node | undefined => (isMap(map) ? (map.get(key, true) as Node | undefined) : undefined)
  const section = get(root, 'certification')
  if (!isMap(section)) throw new CertifyError(problem('config/no-certification', file, section ? at(section) : { line: 1, column: 1 }))

  const str = (parent: Node | undefined, key: string, path: string, required: boolean, max: number): string | undefined => {
    const node = get(parent, key)
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (required && parent) problems.push(problem('config/missing', file, at(parent), { key: `${path}${key}`, expected: 'texte / text' }))
      return undefined
    }
    const value = isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value).trim() : undefined
    if (!value || value.length > max) {
      problems.push(problem('config/invalid', file, at(node), { key: `${path}${key}`, value: shown(node), expected: `texte de 1 à ${max} caractères` }))
      return undefined
    }
    return value
  }
  const num = (parent: Node | undefined, key: string, path: string, min: number, max: number): number | undefined => {
    const node = get(parent, key)
    if (node === undefined) return undefined
    const value = isScalar(node) && typeof node.value === 'number' ? node.value : NaN
    if (!(value >= min && value <= max)) {
      problems.push(problem('config/invalid', file, at(node), { key: `${path}${key}`, value: shown(node), expected: `${min}–${max}` }))
      return undefined
    }
    return value
  }
  const list = (parent: Node | undefined, key: string, path: string): string[] | undefined => {
    const node = get(parent, key)
    if (node === undefined) return undefined
    const items = isSeq(node) ? node.items.map((i) => (isScalar(i) && (typeof i.value === 'string' || typeof i.value === 'number') ? String(i.value).trim() : '')) : []
    if (!items.length || items.some((i) => !i)) {
      problems.push(problem('config/invalid', file, at(node), { key: `${path}${key}`, value: shown(node), expected: 'liste de textes / list of texts' }))
      return undefined
    }
    return items
  }
  const unknownKeys = (map: Node | undefined, path: keyof typeof CERTIFICATION_KEYS) => {
    if (!isMap(map)) return
    const allowed: readonly string[] = CERTIFICATION_KEYS[path]
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      if (!allowed.includes(key))
        problems.push(problem('config/unknown-key', file, at(pair.key as Node), { key: `certification.${path ? `${path}.` : ''}${key}`, allowed: allowed.join(', ') }))
    }
  }
  const sectionOf = (key: string) => {
    const node = get(section, key)
    if (node !== undefined && !isMap(node)) problems.push(problem('config/invalid', file, at(node), { key: `certification.${key}`, value: shown(node), expected: '{ … }' }))
    if (node === undefined && key !== 'timezone') problems.push(problem('config/missing', file, at(section), { key: `certification.${key}`, expected: '{ … }' }))
    return isMap(node) ? node : undefined
  }

  unknownKeys(section, '')
  const ruleNode = sectionOf('rule')
  const issuerNode = sectionOf('issuer')
  const signatoryNode = sectionOf('signatory')
  unknownKeys(ruleNode, 'rule')
  unknownKeys(issuerNode, 'issuer')
  unknownKeys(signatoryNode, 'signatory')

  const activities = list(ruleNode, 'activities', 'certification.rule.')
  const courseNode = get(ruleNode, 'course')
  const course = courseNode !== undefined
  if (course && !(isScalar(courseNode) && courseNode.value === 'complete')) {
    problems.push(problem('config/invalid', file, at(courseNode), { key: 'certification.rule.course', value: shown(courseNode), expected: 'complete' }))
  }
  if (ruleNode && course === (activities !== undefined) && !problems.some((p) => p.params?.key === 'certification.rule.activities')) {
    problems.push(
      problem('config/invalid', file, at(ruleNode), {
        key: 'certification.rule',
        value: course ? 'activities + course' : '{}',
        expected: 'activities: [...] ou/or course: complete',
      }),
    )
  }
  const minGrade = num(ruleNode, 'minGrade', 'certification.rule.', 0, 100000)
  const timeZone = str(section, 'timezone', 'certification.', false, 64) ?? DEFAULT_TIME_ZONE
  try {
    assertTimeZone(timeZone)
  } catch {
    problems.push(problem('config/invalid', file, at(get(section, 'timezone')), { key: 'certification.timezone', value: timeZone, expected: 'Europe/Paris' }))
  }
  const config = {
    courseId: str(root as Node, 'id', '', true, 64) ?? '',
    courseTitle: str(root as Node, 'title', '', true, 200) ?? '',
    title: str(section, 'title', 'certification.', false, 120) ?? DEFAULT_TITLE,
    wording: str(section, 'wording', 'certification.', true, 300) ?? '',
    objectives: list(section, 'objectives', 'certification.') ?? [],
    durationMinutes: num(section, 'duration', 'certification.', 1, 100000) ?? num(root as Node, 'duration', '', 1, 100000) ?? 0,
    rule: { activities: activities ?? [], course, ...(minGrade !== undefined && { minGrade }) },
    issuer: { name: str(issuerNode, 'name', 'certification.issuer.', true, 120) ?? '', address: str(issuerNode, 'address', 'certification.issuer.', true, 200) ?? '' },
    signatory: {
      role: str(signatoryNode, 'role', 'certification.signatory.', true, 120) ?? '',
      ...optional('name', str(signatoryNode, 'name', 'certification.signatory.', false, 80)),
    },
    timeZone,
  }
  if (!config.durationMinutes && !problems.length) problems.push(problem('config/missing', file, at(section), { key: 'certification.duration', expected: '1–100000 (minutes)' }))
  if (problems.length) throw new CertifyError(problems)
  return config
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>)
}

function shown(node: Node | undefined): string {
  const value = isScalar(node) ? node.value : node?.toJSON()
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
