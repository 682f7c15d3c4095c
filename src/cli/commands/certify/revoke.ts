/** `parcours certify revoke`: an attestation marked revoked in the register and the signed status list. */
import { resolve } from 'node:path'
import { type CommandContext } from '../../command.js'
import { EXIT } from '../../exit-codes.js'
import { need, opt, passphrase, say, shown, today } from './shared.js'

export async function revokeCommand(context: CommandContext): Promise<number> {
  const { lang, io } = context
  const [register, id, reason, key] = need(context, 'revoke', 'register', 'id', 'reason', 'key')
  const { revoke } = await import('../../../certify/revoke.js')
  const secret = await passphrase(io, lang)
  const issuer = opt(context, 'issuer')
  const status = opt(context, 'status')
  const r = await revoke({
    register: resolve(io.cwd, register!),
    id: id!,
    reason: reason!,
    keyPath: resolve(io.cwd, key!),
    ...(issuer && { issuerPath: resolve(io.cwd, issuer) }),
    ...(status && { status: resolve(io.cwd, status) }),
    passphrase: secret,
    date: opt(context, 'date') ?? today(),
  })
  io.stdout(`${say(lang, 'revoked', { id: r.row.id, status: shown(r.status, io.cwd), count: r.revoked })}\n`)
  return EXIT.ok
}
