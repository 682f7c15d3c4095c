/** Help screens, generated from the command table: the list of commands, and one per command. */
import type { Lang } from '../shared/sco-data.js'
import { GLOBAL_OPTIONS } from './args.js'
import type { Command, OptionSpec } from './command.js'
import { EXIT, EXIT_MEANING } from './exit-codes.js'
import { say } from './messages.js'

export function generalHelp(commands: readonly Command[], lang: Lang): string {
  const width = Math.max(...commands.map((c) => c.usage[lang].length))
  return [
    say(lang, 'title'),
    '',
    say(lang, 'commands'),
    ...commands.map((c) => `  ${c.usage[lang].padEnd(width)}   ${c.summary[lang]}`),
    '',
    say(lang, 'globalOptions'),
    ...optionLines({ ...GLOBAL_OPTIONS, version: { type: 'boolean', short: 'v', help: { fr: say('fr', 'version'), en: say('en', 'version') } } }, lang),
    '',
    say(lang, 'more'),
    '',
    exitCodes(lang),
  ].join('\n')
}

export function commandHelp(command: Command, lang: Lang): string {
  return [
    `${say(lang, 'usage')} ${command.usage[lang]}`,
    '',
    command.summary[lang],
    ...(command.details ? ['', command.details[lang]] : []),
    '',
    say(lang, 'options'),
    ...optionLines({ ...command.options, ...GLOBAL_OPTIONS }, lang),
    '',
    exitCodes(lang),
  ].join('\n')
}

function optionLines(options: Record<string, OptionSpec>, lang: Lang): string[] {
  const heads = Object.entries(options).map(
    ([name, spec]) => [`${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value[lang]}` : ''}`, spec.help[lang]] as const,
  )
  const width = Math.max(...heads.map(([head]) => head.length))
  return heads.map(([head, help]) => `  ${head.padEnd(width)}   ${help}`)
}

function exitCodes(lang: Lang): string {
  const codes = (Object.keys(EXIT) as (keyof typeof EXIT)[]).map((key) => `${EXIT[key]} ${EXIT_MEANING[lang][key]}`)
  return `${say(lang, 'exitCodes')} ${codes.join(', ')}.`
}
