/**
 * Colours on a terminal only, never in a file or a pipe, and never when NO_COLOR is set
 * (https://no-color.org). Bold, red, yellow, green, dim: nothing a colour-blind reader needs,
 * every line says its state in words too.
 */
import type { Io } from './io.js'

export interface Style {
  red(text: string): string
  yellow(text: string): string
  green(text: string): string
  dim(text: string): string
}

export function styleFor(io: Io): Style {
  const on = io.isTTY && !io.env.NO_COLOR
  const paint = (code: number, reset: number) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[${reset}m` : text)
  return { red: paint(31, 39), yellow: paint(33, 39), green: paint(32, 39), dim: paint(2, 22) }
}
