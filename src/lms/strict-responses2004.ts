// SCORM 2004 learner_response / correct_responses.n.pattern checks, ported from Moodle
// mod/scorm/datamodels/scorm_13.js: the `learner_response` and `correct_responses` tables,
// SetValue's learner_response branch, CRremovePrefixes and CRcheckValueNodes.
// Delimiters are the literal strings "[,]", "[.]" and "[:]" (JS String.split, as in Moodle).

import { S2004, isLangString } from './strict-formats.js'
import type { Rejection } from './types.js'

type Check = (node: string) => boolean
const re =
  (r: RegExp): Check =>
  (n) =>
    r.test(n)
const short = re(S2004.CMIShortIdentifier)
const decimal = re(S2004.CMIDecimal)
const shortOrEmpty: Check = (n) => n === '' || short(n)
const decimalOrShortOrEmpty: Check = (n) => n === '' || decimal(n) || short(n)

interface Spec {
  format: Check
  format2?: Check
  /** Max number of nodes in one value. */
  max: number
  delimiter: string
  delimiter2?: string
  unique: boolean
  /** correct_responses only: max number of patterns (index must be < limit). */
  limit?: number
  /** correct_responses only: prefix stripped before checking ({case_matters=…}/{order_matters=…}). */
  pre?: RegExp
}

const LEARNER: Record<string, Spec> = {
  'true-false': { format: re(/^true$|^false$/), max: 1, delimiter: '', unique: false },
  choice: { format: short, max: 36, delimiter: '[,]', unique: true },
  'fill-in': { format: (n) => isLangString(n, 250), max: 10, delimiter: '[,]', unique: false },
  'long-fill-in': { format: (n) => isLangString(n, 4000), max: 1, delimiter: '', unique: false },
  matching: { format: short, format2: short, max: 36, delimiter: '[,]', delimiter2: '[.]', unique: false },
  performance: { format: shortOrEmpty, format2: decimalOrShortOrEmpty, max: 250, delimiter: '[,]', delimiter2: '[.]', unique: false },
  sequencing: { format: short, max: 36, delimiter: '[,]', unique: false },
  likert: { format: short, max: 1, delimiter: '', unique: false },
  numeric: { format: decimal, max: 1, delimiter: '', unique: false },
  other: { format: re(S2004.CMIString4000), max: 1, delimiter: '', unique: false },
}

const CORRECT: Record<string, Spec> = {
  'true-false': { format: re(/^true$|^false$/), max: 1, delimiter: '', unique: false, limit: 1 },
  choice: { format: short, max: 36, delimiter: '[,]', unique: true },
  'fill-in': { format: (n) => isLangString(n, 250), max: 10, delimiter: '[,]', unique: false },
  'long-fill-in': { format: (n) => isLangString(n, 4000), max: 1, delimiter: '', unique: false, pre: /^(\{case_matters=(true|false)\})?/ },
  matching: { format: short, format2: short, max: 36, delimiter: '[,]', delimiter2: '[.]', unique: false },
  performance: {
    format: shortOrEmpty,
    format2: decimalOrShortOrEmpty,
    max: 250,
    delimiter: '[,]',
    delimiter2: '[.]',
    unique: false,
    pre: /^(\{order_matters=(true|false)\})?/,
  },
  sequencing: { format: short, max: 36, delimiter: '[,]', unique: false },
  likert: { format: short, max: 1, delimiter: '', unique: false, limit: 1 },
  numeric: { format: decimal, max: 2, delimiter: '[:]', unique: false, limit: 1 },
  other: { format: re(S2004.CMIString4000), max: 1, delimiter: '', unique: false, limit: 1 },
}

const PREFIX = /^(\{(lang|case_matters|order_matters)=([^}]+)\})/

/** Moodle CRremovePrefixes: strips {lang=…}{case_matters=…}{order_matters=…}, validating values. */
function removePrefixes(node: string): { ok: boolean; node: string } {
  let ok = true
  let m: RegExpExecArray | null
  while ((m = PREFIX.exec(node))) {
    if (m[2] !== 'lang' && m[3] !== 'true' && m[3] !== 'false') ok = false
    node = node.slice(m[1]!.length)
  }
  return { ok, node }
}

function bad(type: string, what: string, element: string, value: string, why: string, code = '406'): Rejection {
  return { code, rule: `scorm2004.${what}.${type}`, message: `${element}="${value.slice(0, 80)}" ${why}` }
}

function checkNodes(type: string, what: string, element: string, value: string, spec: Spec, isPattern: boolean): Rejection | null {
  const nodes = spec.delimiter ? value.split(spec.delimiter) : [value]
  if (nodes.length > spec.max) return bad(type, what, element, value, `has more than ${spec.max} items`, '351')
  for (let i = 0; i < nodes.length; i++) {
    let node = nodes[i]!
    if (isPattern && /^(fill-in|long-fill-in|matching|performance|sequencing)$/.test(type)) {
      const stripped = removePrefixes(node)
      if (!stripped.ok) return bad(type, what, element, value, 'has an invalid {case_matters}/{order_matters} prefix')
      node = stripped.node
    }
    if (isPattern && spec.pre) node = node.replace(spec.pre, '')
    if (spec.delimiter2 && spec.format2) {
      const pair = node.split(spec.delimiter2)
      if (pair.length !== 2) return bad(type, what, element, value, `item "${node}" is not a source[.]target pair`)
      if (!spec.format(pair[0]!) || !spec.format2(pair[1]!)) {
        return bad(type, what, element, value, `item "${node}" is not two identifiers matching ^[\\w.]{1,250}$`)
      }
      continue
    }
    // Moodle accepts an empty correct-response pattern (except true-false), never an empty choice response.
    if (isPattern && value === '' && type !== 'true-false') continue
    if (!spec.format(node)) {
      const hint = spec.format === short ? ' (tokens must match ^[\\w.]{1,250}$: ASCII letters, digits, _ and . only)' : ''
      return bad(type, what, element, value, `is not a valid ${type} value${hint}`)
    }
    if (spec.unique && node !== '' && nodes.indexOf(node) < i) return bad(type, what, element, value, `repeats "${node}"`)
  }
  if (isPattern && type === 'numeric' && nodes.length > 1 && parseFloat(nodes[0]!) > parseFloat(nodes[1]!)) {
    return bad(type, what, element, value, 'is a numeric range whose minimum exceeds its maximum')
  }
  return null
}

/** learner_response of an interaction whose type is `type` (undefined → 408, type not set yet). */
export function checkLearnerResponse(element: string, type: string | undefined, value: string): Rejection | null {
  if (!type) return { code: '408', rule: 'scorm2004.dependency.type', message: `${element} set before cmi.interactions.n.type` }
  const spec = LEARNER[type]
  return spec ? checkNodes(type, 'learner_response', element, value, spec, false) : null
}

/** correct_responses.<index>.pattern of an interaction whose type is `type`. */
export function checkPattern(element: string, index: number, type: string | undefined, value: string): Rejection | null {
  if (!type) return { code: '408', rule: 'scorm2004.dependency.type', message: `${element} set before cmi.interactions.n.type` }
  const spec = CORRECT[type]
  if (!spec) return null
  if (spec.limit !== undefined && index >= spec.limit) {
    return bad(type, 'pattern', element, value, `: a ${type} interaction has at most ${spec.limit} correct response`, '351')
  }
  return checkNodes(type, 'pattern', element, value, spec, true)
}
