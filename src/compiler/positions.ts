/** Offsets in a text to `line:column` (1-based), as diagnostics give them. */

/** Offset where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** Line and column of `index`, from `lineStarts` of the same text. */
export function positionOf(starts: readonly number[], index: number): { line: number; column: number } {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= index) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: index - starts[lo]! + 1 }
}
