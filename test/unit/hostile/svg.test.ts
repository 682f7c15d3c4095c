/** No script ever ships: an author's SVG that could run code is refused, a plain one goes through. */
import { describe, expect, it } from 'vitest'
import { svgProblem } from '../../../src/compiler/read/check-svg.js'

const svg = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs}>\n${inner}\n</svg>`

describe('SVG images', () => {
  it.each([
    ['a script element', svg('<script>alert(1)</script>'), '<script>'],
    ['a namespaced script', svg('<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>'), '<s:script>'],
    ['an onload attribute on the root', svg('<rect/>', ' onload="alert(1)"'), 'onload='],
    ['an onclick attribute', svg('<rect onclick="alert(1)"/>'), 'onclick='],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><text>x</text></a>'), 'href="javascript:alert(1)"'],
    ['an xlink:href with spaces and tabs', svg('<a xlink:href=" java\tscript:alert(1)"><text>x</text></a>'), 'xlink:href'],
    ['HTML in a foreignObject', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), '<foreignObject>'],
    ['malformed XML', '<svg><rect></svg>', 'unexpected close tag'],
  ])('%s: refused, with what was found', (_, text, found) => {
    expect(svgProblem(text)?.found).toContain(found)
  })

  it('a plain SVG (shapes, text, gradients, a title, an https link) is accepted', () => {
    const plain = svg(
      '<title>Schéma</title><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><a href="https://www.cnil.fr"><text x="1" y="9">CNIL</text></a>',
    )
    expect(svgProblem(plain)).toBeUndefined()
  })
})
