/**
 * Where a command writes, and the environment it reads: `process` for the real CLI, plain
 * collectors in tests (`main(argv, io)` runs in process).
 */
import { terminalSafe } from '../shared/terminal-text.js'

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
  env: Record<string, string | undefined>
  /** stderr is a terminal: progress lines and colours are allowed there. */
  isTTY: boolean
  /** Standard input, read whole (`parcours inspect -`). */
  stdin?: () => Promise<string>
  /** Called once when the user presses Ctrl-C; long-running commands (watch, preview) listen. */
  onInterrupt?: (stop: () => void) => void
}

/** Our own colours (src/cli/style.ts): the only escape sequences the CLI may send. */
const OWN_COLOUR = /(\u001b\[(?:2|22|31|32|33|39)m)/
/** The progress line's erasing write (build.ts): carriage returns around spaces, nothing else. */
const ERASE_LINE = /^\r *\r$/

/**
 * The same Io, with every write made safe for a terminal (src/shared/terminal-text.ts): course
 * text (titles, ids, file names) and command-line arguments reach stdout and stderr in many
 * messages, and one escape sequence is enough to retitle the window, clear the screen or forge a
 * link. Only the CLI's own colours pass, and only when colours are on; an author's text can at
 * worst hold one of those six colour codes, which change a colour and nothing else.
 */
export function terminalIo(io: Io): Io {
  const colours = io.isTTY && !io.env.NO_COLOR
  const clean = (text: string): string => {
    if (ERASE_LINE.test(text)) return text
    if (!colours) return terminalSafe(text)
    return text
      .split(OWN_COLOUR)
      .map((part, i) => (i % 2 === 1 ? part : terminalSafe(part)))
      .join('')
  }
  return { ...io, stdout: (text) => io.stdout(clean(text)), stderr: (text) => io.stderr(clean(text)) }
}

export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    stdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
    onInterrupt: (stop) => {
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    },
  }
}
