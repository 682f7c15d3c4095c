/**
 * The command line: the only code that reads argv, prints, and chooses the exit code.
 * `main(argv, io)` never throws and never exits: bin/parcours.js sets process.exitCode from it,
 * tests call it in process with collecting io. A mistake in the course prints diagnostics (exit 1);
 * a mistake on the command line a message and where to find help (exit 2); a bug in parcours the
 * stack for the report (exit 70).
 */
import { didYouMean } from '../compiler/did-you-mean.js'
import { packageVersion } from '../package-root.js'
import { GLOBAL_OPTIONS, readCommandLine } from './args.js'
import { UsageError, type Command } from './command.js'
import { COMMANDS } from './commands/index.js'
import { EXIT } from './exit-codes.js'
import { commandHelp, generalHelp } from './help.js'
import { processIo, terminalIo, type Io } from './io.js'
import { say } from './messages.js'

const VERSION = { version: { type: 'boolean', short: 'v', help: { fr: '', en: '' } } } as const

export async function main(argv: string[], raw: Io = processIo(), commands: readonly Command[] = COMMANDS): Promise<number> {
  const io = terminalIo(raw)
  const known = Object.assign({}, ...commands.map((c) => c.options), GLOBAL_OPTIONS, VERSION)
  const { line, check } = readCommandLine(argv, known)
  const { lang } = line
  let command: Command | undefined
  try {
    if (line.command === undefined || line.command === 'help') {
      const topic = line.command === 'help' ? line.positionals[0] : undefined
      command = topic === undefined ? undefined : commands.find((c) => c.name === topic)
      if (topic !== undefined && !command) throw unknownCommand(topic, commands, lang)
      check({ ...GLOBAL_OPTIONS, ...(command ? {} : VERSION) })
      if (line.values.version) {
        io.stdout(`${packageVersion()}\n`)
        return EXIT.ok
      }
      io.stdout(`${command ? commandHelp(command, lang) : generalHelp(commands, lang)}\n`)
      // `parcours` alone is a usage mistake that deserves the help; asking for it is not.
      return line.command === undefined && !line.values.help ? EXIT.usage : EXIT.ok
    }
    command = commands.find((c) => c.name === line.command)
    if (!command) throw unknownCommand(line.command, commands, lang)
    check({ ...command.options, ...GLOBAL_OPTIONS })
    if (line.values.help) {
      io.stdout(`${commandHelp(command, lang)}\n`)
      return EXIT.ok
    }
    if (line.positionals.length > command.maxPositionals) throw new UsageError(say(lang, 'tooManyArguments', { extra: line.positionals.slice(command.maxPositionals).join(' ') }))
    return await command.run({ lang, values: line.values, positionals: line.positionals, io })
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.text}\n${say(lang, 'tryHelp', { help: `parcours ${command ? `${command.name} ` : ''}--help${lang === 'en' ? ' --lang en' : ''}` })}\n`)
      return EXIT.usage
    }
    io.stderr(`${say(lang, 'bug')}\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    return EXIT.bug
  }
}

function unknownCommand(name: string, commands: readonly Command[], lang: 'fr' | 'en'): UsageError {
  const near = didYouMean(
    name,
    commands.map((c) => c.name),
  )
  return new UsageError(say(lang, 'unknownCommand', { command: name, near: near ? say(lang, 'commandNear', { command: near }) : '' }))
}
