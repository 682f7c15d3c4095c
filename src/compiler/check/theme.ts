/**
 * Theme colours of course.yml (`theme.colors`): each must be a CSS colour parcours knows the use
 * of, and the light palette they produce must keep WCAG contrasts (RGAA 3.2 and 3.3): 4.5:1 for
 * text, 3:1 for interface components and focus. The dark and print palettes are parcours' own
 * (the author's colours only dress the light theme): they are checked by the unit tests with the
 * same pairs.
 */
import { parse, wcagContrast } from 'culori'
import { error, type Diagnostic } from '../diagnostics.js'
import { didYouMean } from '../did-you-mean.js'

type Position = { line: number; column: number } | undefined

/** parcours.css `:root` (light) and `prefers-color-scheme: dark` palettes; kept equal to the CSS by a test. */
export const LIGHT_PALETTE: Readonly<Record<string, string>> = {
  bg: '#ffffff',
  fg: '#1e1e1e',
  muted: '#555555',
  surface: '#f3f3f6',
  border: '#767676',
  accent: '#000091',
  'accent-contrast': '#ffffff',
  focus: '#0063cb',
  correct: '#18753c',
  wrong: '#ce0500',
  'alert-bg': '#b60000',
  'alert-fg': '#ffffff',
  'notice-bg': '#fff4c2',
  'key-bg': '#eef0fb',
  'key-line': '#000091',
  'warn-bg': '#fff1eb',
  'warn-line': '#b34000',
  'example-bg': '#ecf7ef',
  'example-line': '#18753c',
}

export const DARK_PALETTE: Readonly<Record<string, string>> = {
  ...LIGHT_PALETTE,
  bg: '#161616',
  fg: '#eeeeee',
  muted: '#b5b5b5',
  surface: '#242424',
  border: '#8c8c8c',
  accent: '#9a9aff',
  'accent-contrast': '#161616',
  focus: '#9a9aff',
  correct: '#34cb6a',
  wrong: '#ff8c84',
  'notice-bg': '#3b3415',
  'key-bg': '#1b1f3b',
  'key-line': '#9a9aff',
  'warn-bg': '#3a1f16',
  'warn-line': '#ff9f6e',
  'example-bg': '#14301f',
  'example-line': '#34cb6a',
}

/** Which colour is drawn on which, and what it is: text (4.5:1) or an interface component (3:1). */
export const CONTRAST_PAIRS: readonly { fg: string; bg: string; min: 4.5 | 3; what: 'text' | 'ui' }[] = [
  ...(
    [
      ['fg', 'bg'],
      ['fg', 'surface'],
      ['muted', 'bg'],
      ['muted', 'surface'],
      ['accent', 'bg'],
      ['accent', 'surface'],
      ['accent-contrast', 'accent'],
      ['correct', 'bg'],
      ['wrong', 'bg'],
      ['alert-fg', 'alert-bg'],
      ['fg', 'notice-bg'],
      ['fg', 'key-bg'],
      ['fg', 'warn-bg'],
      ['fg', 'example-bg'],
    ] as const
  ).map(([fg, bg]) => ({ fg, bg, min: 4.5 as const, what: 'text' as const })),
  ...(
    [
      ['border', 'bg'],
      ['focus', 'bg'],
      ['key-line', 'bg'],
      ['warn-line', 'bg'],
      ['example-line', 'bg'],
    ] as const
  ).map(([fg, bg]) => ({ fg, bg, min: 3 as const, what: 'ui' as const })),
]

export interface ContrastProblem {
  fg: string
  bg: string
  ratio: number
  min: number
  what: 'text' | 'ui'
}

/** Every pair of a palette below its minimum. Colours that do not parse are left to the caller. */
export function contrastProblems(palette: Readonly<Record<string, string>>): ContrastProblem[] {
  const problems: ContrastProblem[] = []
  for (const pair of CONTRAST_PAIRS) {
    const fg = parse(palette[pair.fg] ?? '')
    const bg = parse(palette[pair.bg] ?? '')
    if (!fg || !bg) continue
    const ratio = wcagContrast(fg, bg)
    // Rounded down to 2 decimals, as contrast checkers show it: 4.499 is not 4.5.
    if (ratio < pair.min) problems.push({ fg: pair.fg, bg: pair.bg, ratio: Math.floor(ratio * 100) / 100, min: pair.min, what: pair.what })
  }
  return problems
}

/**
 * Diagnostics for `theme.colors`: unknown names (with the closest known one), values that are
 * not CSS colours, then contrasts of the light palette with the author's colours in it, each
 * reported where the author's colour is written.
 */
export function checkThemeColors(colors: Readonly<Record<string, string>>, locate: (name: string) => Position, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const known = Object.keys(LIGHT_PALETTE)
  const usable: Record<string, string> = {}
  for (const [name, value] of Object.entries(colors)) {
    if (!(name in LIGHT_PALETTE)) {
      const near = didYouMean(name, known)
      diagnostics.push(error('theme/unknown-color', file, locate(name), near ? { name, known: known.join(', '), didYouMean: near } : { name, known: known.join(', ') }))
    } else if (!parse(value)) diagnostics.push(error('theme/invalid-color', file, locate(name), { name, value }))
    else usable[name] = value
  }
  const palette = { ...LIGHT_PALETTE, ...usable }
  for (const p of contrastProblems(palette)) {
    // Only pairs the author touched: parcours' own palette is checked by its tests.
    const blamed = p.fg in usable ? p.fg : p.bg in usable ? p.bg : undefined
    if (!blamed) continue
    diagnostics.push(
      error('theme/low-contrast', file, locate(blamed), {
        fg: p.fg,
        fgValue: palette[p.fg]!,
        bg: p.bg,
        bgValue: palette[p.bg]!,
        ratio: p.ratio.toFixed(2).replace(/0$/, ''),
        min: p.min,
        what: `%contrast-${p.what}%`,
      }),
    )
  }
  return diagnostics
}
