/** `parcours certify verifier`: the inspectors' offline page, with the trusted keys and status list inside. */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { type CommandContext } from '../../command.js'
import { EXIT } from '../../exit-codes.js'
import { list, need, opt, say, shown } from './shared.js'

/** Replaced by build-cli.js with the bundled page script; tests (running src/) build it on demand. */
declare const __PARCOURS_VERIFIER_SCRIPT__: string | undefined

async function verifierScript(): Promise<string> {
  if (typeof __PARCOURS_VERIFIER_SCRIPT__ === 'string') return __PARCOURS_VERIFIER_SCRIPT__
  // Running from src/ (tests): bundle it now. The name is a variable so that bundlers leave it alone.
  const builder = '../../../../scripts/verifier-script.js'
  const { buildVerifierScript } = (await import(/* @vite-ignore */ builder)) as { buildVerifierScript: () => Promise<string> }
  return buildVerifierScript()
}

export async function verifierCommand(context: CommandContext): Promise<number> {
  const { lang, io, positionals } = context
  const [issuers, status] = need(context, 'verifier', 'issuers', 'status')
  const { buildVerifier } = await import('../../../certify/verifier/build.js')
  const html = await buildVerifier({
    issuers: [...list(issuers), ...positionals.slice(1)].map((p) => resolve(io.cwd, p)),
    status: list(status).map((p) => resolve(io.cwd, p)),
    script: await verifierScript(),
  })
  const out = resolve(io.cwd, opt(context, 'out') ?? 'verifier.html')
  await writeFile(out, html)
  const { createHash } = await import('node:crypto')
  io.stdout(
    `${say(lang, 'verifierDone', { path: shown(out, io.cwd), size: Math.ceil(Buffer.byteLength(html) / 1024), issuers: [...list(issuers), ...positionals.slice(1)].length, sha: createHash('sha256').update(html).digest('hex') })}\n`,
  )
  return EXIT.ok
}
