// A small, careful XML parser for imsmanifest.xml (no dependency).
//
// It mirrors how Moodle reads manifests (mod/scorm/datamodels/scormlib.php, xml2Array): element
// and attribute names are compared case-insensitively and namespace prefixes are kept literally
// ("adlcp:masteryscore"), so a manifest using an unconventional prefix is read like Moodle reads it.
// Malformed XML throws, as Moodle's xml_parser dies with "XML error".

export interface XmlElement {
  /** Name as written, e.g. "adlcp:masteryscore". */
  name: string
  /** Attributes keyed by lower-cased name. */
  attrs: Record<string, string>
  children: XmlElement[]
  /** Concatenated text content of this element (not of its descendants). */
  text: string
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10)
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[ent.toLowerCase()] ?? whole
  })
}

// Sticky regexes: matched at a given position without slicing the source.
const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y
const ATTR = /\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')/y
const TAG_END = /\s*(\/?)>/y

function matchAt(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at
  return re.exec(s)
}

export function parseXml(source: string): XmlElement {
  let i = 0
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' }
  const stack: XmlElement[] = [root]
  const fail = (msg: string): never => {
    const line = source.slice(0, i).split('\n').length
    throw new Error(`XML error: ${msg} at line ${line}`)
  }
  const skipPast = (end: string): void => {
    const j = source.indexOf(end, i)
    if (j < 0) fail(`unterminated construct, expected "${end}"`)
    i = j + end.length
  }
  while (i < source.length) {
    const top = stack[stack.length - 1]!
    const lt = source.indexOf('<', i)
    if (lt < 0) {
      top.text += decode(source.slice(i))
      break
    }
    if (lt > i) top.text += decode(source.slice(i, lt))
    i = lt
    if (source.startsWith('<!--', i)) skipPast('-->')
    else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i)
      if (end < 0) fail('unterminated CDATA')
      top.text += source.slice(i + 9, end)
      i = end + 3
    } else if (source.startsWith('<?', i)) skipPast('?>')
    else if (source.startsWith('<!', i))
      skipPast('>') // DOCTYPE without internal subset
    else if (source.startsWith('</', i)) {
      const m = matchAt(NAME, source, i + 2)
      if (!m) fail('bad closing tag')
      const name = m![0]
      if (stack.length < 2 || top.name !== name) fail(`unexpected </${name}>`)
      stack.pop()
      i += 2 + name.length
      skipPast('>')
    } else {
      const m = matchAt(NAME, source, i + 1)
      if (!m) fail('bad tag')
      const el: XmlElement = { name: m![0], attrs: {}, children: [], text: '' }
      i += 1 + el.name.length
      for (;;) {
        const a = matchAt(ATTR, source, i)
        if (!a) break
        el.attrs[a[1]!.toLowerCase()] = decode(a[3] ?? a[4] ?? '')
        i += a[0].length
      }
      const close = matchAt(TAG_END, source, i)
      if (!close) fail(`malformed tag <${el.name}>`)
      i += close![0].length
      top.children.push(el)
      if (close![1] !== '/') stack.push(el)
    }
  }
  if (stack.length !== 1) fail(`unclosed <${stack[stack.length - 1]!.name}>`)
  if (root.children.length !== 1) fail('expected exactly one root element')
  return root.children[0]!
}

/** Local-name-insensitive match: `is(el, 'adlcp:masteryscore')`, case-insensitive like Moodle. */
export function is(el: XmlElement, name: string): boolean {
  return el.name.toLowerCase() === name.toLowerCase()
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => is(c, name))
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => is(c, name))
}

/** Trimmed text of a child element, or undefined when absent/empty (Moodle drops empty text). */
export function childText(el: XmlElement, name: string): string | undefined {
  const t = child(el, name)?.text.trim()
  return t ? t : undefined
}

/** Depth-first search for descendants with the given name. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = []
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (is(c, name)) out.push(c)
      walk(c)
    }
  }
  walk(el)
  return out
}
