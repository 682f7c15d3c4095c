/**
 * Where a command writes, and the environment it reads: `process` for the real CLI, plain
 * collectors in tests (`main(argv, io)` runs in process).
 */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
  env: Record<string, string | undefined>
  /** stderr is a terminal: progress lines and colours are allowed there. */
  isTTY: boolean
  /** Called once when the user presses Ctrl-C; long-running commands (watch, preview) listen. */
  onInterrupt?: (stop: () => void) => void
}

export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    onInterrupt: (stop) => {
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    },
  }
}
