/**
 * The one parsing of the command line. node:util's parseArgs in its lenient mode gives the
 * tokens; the checks are ours, so that every mistake is worded in the user's language (parseArgs'
 * own errors are English, with mismatched quotes) and an unknown option gets a suggestion.
 */
import { parseArgs } from 'node:util'
import { didYouMean } from '../compiler/did-you-mean.js'
import type { Lang } from '../shared/sco-data.js'
import { UsageError, type OptionSpec, type OptionValues } from './command.js'
import { say } from './messages.js'

export interface CommandLine {
  lang: Lang
  /** The first positional: the command's name (undefined: none given). */
  command?: string
  positionals: string[]
  values: OptionValues
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  lang: { type: 'string', value: { fr: '<fr|en>', en: '<fr|en>' }, help: { fr: 'langue des messages (défaut : fr)', en: 'language of messages (default: fr)' } },
  quiet: { type: 'boolean', short: 'q', help: { fr: 'n’affiche que les erreurs', en: 'print errors only' } },
  verbose: { type: 'boolean', help: { fr: 'affiche aussi le détail des avertissements et les durées', en: 'also print each warning and timings' } },
  help: { type: 'boolean', short: 'h', help: { fr: 'cette aide', en: 'this help' } },
}

/**
 * Reads argv against the union of every command's options (so that `--out x` is one option with
 * its value wherever it stands); `lang` is known even when something else is wrong, to word that.
 */
export function readCommandLine(argv: string[], known: Record<string, OptionSpec>): { line: CommandLine; check: (options: Record<string, OptionSpec>) => void } {
  const config = Object.fromEntries(Object.entries(known).map(([name, spec]) => [name, { type: spec.type, ...(spec.short && { short: spec.short }) }]))
  const { tokens } = parseArgs({ args: argv, options: config, strict: false, allowPositionals: true, tokens: true })
  const values: OptionValues = {}
  const positionals: string[] = []
  const options: { name: string; raw: string; value?: string; inline: boolean }[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value)
    else if (token.kind === 'option') {
      options.push({ name: token.name, raw: token.rawName, value: token.value, inline: token.inlineValue ?? false })
      if (token.name in known) values[token.name] = token.value ?? (known[token.name]!.type === 'boolean' ? true : undefined)
    }
  }
  const langValue = values.lang
  const lang: Lang = langValue === 'en' ? 'en' : 'fr'
  const line: CommandLine = { lang, command: positionals[0], positionals: positionals.slice(1), values }
  const check = (allowed: Record<string, OptionSpec>): void => {
    for (const option of options) {
      const spec = allowed[option.name]
      if (!spec) {
        const names = Object.keys(allowed).map((n) => `--${n}`)
        const near = option.raw.startsWith('--') ? didYouMean(option.raw, names) : undefined
        throw new UsageError(say(lang, near ? 'unknownOptionNear' : 'unknownOption', { option: option.raw, near: near ?? '' }))
      }
      if (spec.type === 'string' && option.value === undefined) throw new UsageError(say(lang, 'missingValue', { option: option.raw, value: spec.value?.[lang] ?? '' }))
      if (spec.type === 'boolean' && option.inline) throw new UsageError(say(lang, 'noValueExpected', { option: option.raw }))
    }
    if (langValue !== undefined && langValue !== 'fr' && langValue !== 'en') throw new UsageError(say(lang, 'badLang', { lang: String(langValue) }))
  }
  return { line, check }
}
