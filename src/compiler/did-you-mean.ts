/**
 * "Did you mean …?": the closest known word, only when it is close enough to be a typo. A
 * far-fetched suggestion misleads more than none. One measure for every suggestion parcours makes
 * (unknown keys, blocks, classes, modules, images): case-insensitive Levenshtein distance of at
 * most a third of the word, and never less than 2.
 */
import { closest, distance } from 'fastest-levenshtein'

export function didYouMean(written: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined
  const guess = closest(written, [...known])
  return distance(written.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(written.length / 3)) ? guess : undefined
}
