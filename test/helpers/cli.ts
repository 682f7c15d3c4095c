/** Runs the command line in process (`main(argv, io)`), collecting what it prints. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { main } from '../../src/cli/main.js'

export interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** `parcours …` from `cwd`, with no terminal and NO_COLOR, as in a script. */
export async function parcoursIn(cwd: string, ...args: string[]): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const status = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: { NO_COLOR: '1' }, isTTY: false })
  return { status, stdout, stderr }
}

/** A `freshDir()` for the calling test file: temporary folders removed after each test. */
export function temporaryDirs(prefix: string): () => string {
  const made: string[] = []
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    made.push(dir)
    return dir
  }
}

/** A long-running command (watch, preview) in process: its output so far, and Ctrl-C. */
export interface Running {
  stdout(): string
  stderr(): string
  /** Presses Ctrl-C once the command is listening for it; resolves with the exit code. */
  interrupt(): Promise<number>
  done: Promise<number>
}

export function startParcours(cwd: string, ...args: string[]): Running {
  let stdout = ''
  let stderr = ''
  let stop: (() => void) | undefined
  const done = main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: { NO_COLOR: '1' }, isTTY: false, onInterrupt: (s) => void (stop = s) })
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    interrupt: () => {
      stop?.()
      return done
    },
    done,
  }
}
