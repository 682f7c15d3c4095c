/** Runs the command line in process (`main(argv, io)`), collecting what it prints. */
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
