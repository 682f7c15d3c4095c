/** What a command of the table is: its words in each language, its options, and what it runs. */
import type { Lang } from '../shared/sco-data.js'
import { fill } from '../shared/fill.js'
import type { Io } from './io.js'

export type Texts = Record<Lang, string>

export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  /** Placeholder of the value in the help (`<dossier>`), per language. */
  value?: Texts
  help: Texts
}

export type OptionValues = Record<string, string | boolean | undefined>

export interface CommandContext {
  lang: Lang
  /** Options as given (absent ones undefined: each command applies its own defaults). */
  values: OptionValues
  positionals: string[]
  io: Io
}

export interface Command {
  name: string
  /** One line, for the list of commands. */
  summary: Texts
  /** `parcours build [dossier] [options]` */
  usage: Texts
  /** A few lines after the usage: defaults, examples. */
  details?: Texts
  options: Record<string, OptionSpec>
  /** How many positionals the command takes at most. */
  maxPositionals: number
  run(context: CommandContext): Promise<number>
}

/** A mistake on the command line: printed with a pointer to the help, exit code 2. */
export class UsageError extends Error {
  constructor(readonly text: string) {
    super(text)
    this.name = 'UsageError'
  }
}

/** Words of one command or module in both languages, filled with `{name}` parameters. */
export function messages<K extends string>(table: Record<Lang, Record<K, string>>) {
  return (lang: Lang, key: K, params: Record<string, string | number> = {}): string => fill(table[lang][key], params)
}
