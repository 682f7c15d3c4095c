/** `parcours certify issue`: signed attestations (JSON, PDF) for the eligible learners of Moodle exports. */
import { join, resolve } from 'node:path'
import { UsageError, type CommandContext } from '../../command.js'
import { EXIT } from '../../exit-codes.js'
import { list, need, opt, passphrase, REASONS, say, shown } from './shared.js'

export async function issueCommand(context: CommandContext): Promise<number> {
  const { lang, io, positionals } = context
  const [first, key] = need(context, 'issue', 'export', 'key')
  const exports = [first!, ...positionals.slice(1)].map((p) => resolve(io.cwd, p))
  const { courseDir } = await import('../build.js')
  const course = await courseDir(opt(context, 'course'), io.cwd, lang)
  const { issue } = await import('../../../certify/issue.js')
  const { formatProblem } = await import('../../../certify/problems.js')
  const secret = await passphrase(io, lang)
  const date = opt(context, 'date')
  const issuer = opt(context, 'issuer')
  const register = opt(context, 'register')
  const r = await issue({
    ...(register && { register: resolve(io.cwd, register) }),
    exports,
    courseDir: course,
    keyPath: resolve(io.cwd, key!),
    ...(issuer && { issuerPath: resolve(io.cwd, issuer) }),
    passphrase: secret,
    ...(date && { date }),
    out: resolve(io.cwd, opt(context, 'out') ?? 'attestations'),
    display: (p) => shown(p, io.cwd),
  })
  io.stdout(`${say(lang, 'issued', { count: r.issued.length, dir: shown(join(r.out, 'attestations'), io.cwd) })}\n`)
  for (const i of r.issued) io.stdout(`  ✓ ${i.attestation.name} — ${shown(i.pdf, io.cwd)}\n`)
  io.stdout(`${say(lang, 'notEligible', { count: r.notEligible.length })}\n`)
  for (const n of r.notEligible) {
    const why = n.reasons.map((reason) => {
      const text = REASONS[lang][reason.code]
      return text
        .replace('{activity}', reason.activity ? (lang === 'fr' ? `« ${reason.activity} »` : `"${reason.activity}"`) : lang === 'fr' ? 'la formation' : 'the course')
        .replace('{grade}', String(reason.grade ?? ''))
        .replace('{min}', String(reason.min ?? ''))
        .replace('{files}', reason.files ?? '')
    })
    io.stdout(`  ✗ ${n.name} : ${why.join(' ; ')}\n`)
  }
  io.stdout(`${say(lang, 'rejectedRows', { count: r.rejected.length })}\n`)
  for (const p of r.rejected) io.stdout(`  ${formatProblem(p, lang).split('\n')[0]}\n`)
  io.stdout(`${say(lang, 'registerAt', { register: shown(r.register, io.cwd), status: shown(r.status, io.cwd) })}\n`)
  return EXIT.ok
}
