/** `parcours certify verify`: the verifier's verdict on the command line, over files or folders, or a QR token. */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { UsageError, type CommandContext } from '../../command.js'
import { EXIT } from '../../exit-codes.js'
import { list, need, opt, say, shown } from './shared.js'

async function filesUnder(path: string): Promise<string[]> {
  const s = await stat(path).catch(() => undefined)
  if (!s?.isDirectory()) return [path]
  const entries = (await readdir(path, { recursive: true })).filter((f) => /\.(json|pdf)$/i.test(f) && !/(^|\/)(issuer|status)\.json$/.test(f)).sort()
  return entries.map((f) => join(path, f))
}

export async function verifyCommand(context: CommandContext): Promise<number> {
  const { lang, io, positionals } = context
  const [issuers, status] = need(context, 'verify', 'issuers', 'status')
  const { readJsonFiles } = await import('../../../certify/verifier/build.js')
  const { loadTrust, verifyBytes, verifyToken } = await import('../../../certify/verify/verify.js')
  const { verdictLines } = await import('../../../certify/verify/verdict-text.js')
  const { CertifyError, problem } = await import('../../../certify/problems.js')
  const { trust, problems } = await loadTrust(
    await readJsonFiles(
      list(issuers).map((p) => resolve(io.cwd, p)),
      'key/profile-invalid',
    ),
    await readJsonFiles(
      list(status).map((p) => resolve(io.cwd, p)),
      'status/invalid',
    ),
  )
  if (problems.length) throw new CertifyError(problems.map((p) => problem('status/invalid', p.split(':')[0]!, undefined, { reason: p.split(': ').slice(1).join(': ') })))
  const qr = opt(context, 'qr')
  const targets: { label: string; check: () => ReturnType<typeof verifyToken> }[] = []
  if (qr) targets.push({ label: 'QR', check: () => verifyToken(qr, trust) })
  for (const given of positionals.slice(1)) {
    for (const file of await filesUnder(resolve(io.cwd, given))) {
      targets.push({
        label: shown(file, io.cwd),
        check: async () => {
          const bytes = await readFile(file).catch(() => undefined)
          return bytes ? verifyBytes(new Uint8Array(bytes), trust) : { valid: false as const, source: 'unknown' as const, reason: 'malformed' as const, detail: 'unreadable' }
        },
      })
    }
  }
  if (!targets.length) throw new UsageError(say(lang, 'noInput'))
  let ok = 0
  for (const target of targets) {
    const v = await target.check()
    const lines = verdictLines(v, lang)
    if (v.valid) ok++
    const facts = v.valid ? lines.fields.map(([k, val]) => `    ${k} : ${val}`).join('\n') : `    ${lines.reason}`
    ;(v.valid ? io.stdout : io.stderr)(`${target.label} : ${lines.headline}\n${facts}\n`)
  }
  io.stdout(`${say(lang, 'verifySummary', { ok, ko: targets.length - ok })}\n`)
  return ok === targets.length ? EXIT.ok : EXIT.courseErrors
}
