/** `parcours certify keygen`: the issuer's key pair (private key encrypted) and public profile. */
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { UsageError, type CommandContext } from '../../command.js'
import { EXIT } from '../../exit-codes.js'
import { need, opt, passphrase, say, shown, today } from './shared.js'

export async function keygenCommand(context: CommandContext): Promise<number> {
  const { lang, io } = context
  const [issuerId, name] = need(context, 'keygen', 'issuer-id', 'name')
  if (!/^https:\/\/[^\s#?]+$/.test(issuerId!)) throw new UsageError(say(lang, 'badUrl'))
  const years = Number(opt(context, 'years') ?? '1')
  if (!Number.isInteger(years) || years < 1 || years > 5) throw new UsageError(say(lang, 'badYears'))
  const { keygen } = await import('../../../certify/keys.js')
  const { isDay } = await import('../../../certify/attestation.js')
  const from = opt(context, 'valid-from') ?? today()
  if (!isDay(from)) (await import('../../../certify/problems.js')).fail('issue/bad-date', '--valid-from', undefined, { value: from })
  const address = opt(context, 'address')
  const out = resolve(io.cwd, opt(context, 'out') ?? '.')
  // Refuse before asking for a passphrase.
  for (const file of ['issuer.key.pem', 'issuer.json']) {
    if (
      await stat(join(out, file)).then(
        () => true,
        () => false,
      )
    )
      (await import('../../../certify/problems.js')).fail('key/exists', join(out, file), undefined, { path: shown(join(out, file), io.cwd) })
  }
  const secret = await passphrase(io, lang, true)
  const r = await keygen({ issuerId: issuerId!.replace(/\/$/, ''), name: name!, ...(address && { address }), out, passphrase: secret, from, years })
  io.stdout(
    `${say(lang, 'keygenDone', { key: shown(r.keyPath, io.cwd), profile: shown(r.profilePath, io.cwd), fingerprint: r.fingerprint.replace(/(.{4})(?=.)/g, '$1 '), from: r.validFrom.slice(0, 10), until: r.validUntil.slice(0, 10) })}\n`,
  )
  return EXIT.ok
}
