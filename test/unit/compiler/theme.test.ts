import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkThemeColors, contrastProblems, DARK_PALETTE, LIGHT_PALETTE } from '../../../src/compiler/check/theme.js'

const css = readFileSync(new URL('../../../src/runtime/parcours.css', import.meta.url), 'utf8')

describe('theme palettes', () => {
  it('match parcours.css, light and dark', () => {
    const dark = css.slice(css.indexOf('prefers-color-scheme: dark'))
    for (const [name, value] of Object.entries(LIGHT_PALETTE)) expect(css, name).toContain(`--pc-${name}: ${value};`)
    for (const [name, value] of Object.entries(DARK_PALETTE)) if (value !== LIGHT_PALETTE[name]) expect(dark, name).toContain(`--pc-${name}: ${value} !important;`)
  })

  it('keep every contrast (4.5:1 text, 3:1 interface), light and dark', () => {
    expect(contrastProblems(LIGHT_PALETTE)).toEqual([])
    expect(contrastProblems(DARK_PALETTE)).toEqual([])
  })

  it('accepts a contrasted academy accent and any CSS colour syntax', () => {
    expect(checkThemeColors({ accent: '#00508f', 'accent-contrast': 'white', focus: 'rgb(0 99 203)' }, () => undefined, 'course.yml')).toEqual([])
  })
})
