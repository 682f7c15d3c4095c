/**
 * The digital original: an Open Badges 3.0 `OpenBadgeCredential` (a W3C VC 2.0), secured with an
 * embedded `eddsa-jcs-2022` Data Integrity proof, revocable through a Bitstring Status List entry.
 * https://www.imsglobal.org/spec/ob/v3p0/ — required: @context (VC v2 then OB 3.0.x), id, type,
 * issuer (Profile: id, type, name), validFrom, credentialSubject (AchievementSubject with an id or
 * identifier, and an achievement with id, type, name, description, criteria).
 * The subject is identified by the printed name (IdentityObject, identityType "name", not hashed):
 * a hashed académie e-mail would be guessable from the name anyway, and needs no more data.
 * No Node API: the verifier page reads credentials with `attestationOf`.
 */
import type { Attestation, ResultLabel } from './attestation.js'
import { frenchDuration, isDay } from './attestation.js'

export const CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']

export interface CredentialContext {
  issuerId: string
  issuerName: string
  courseId: string
  wording: string
  objectives: string[]
  criteria: string
  /** xsd:dateTime with the site's offset, e.g. `2026-10-18T00:00:01+02:00`. */
  completedAt: string
  startedAt?: string
}

export function statusListId(issuerId: string): string {
  return `${issuerId.replace(/\/$/, '')}/status/1`
}

export function buildCredential(a: Attestation, c: CredentialContext): Record<string, unknown> {
  const description = [c.wording, ...(c.objectives.length ? [`Objectifs : ${c.objectives.join(' ; ')}.`] : [])].join(' ')
  return {
    '@context': CONTEXTS,
    id: a.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: c.issuerId, type: ['Profile'], name: c.issuerName },
    validFrom: `${a.issuedOn}T00:00:00Z`,
    name: `Attestation de formation — ${a.parcours}`,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: a.name }],
      ...(c.startedAt && { activityStartDate: c.startedAt }),
      activityEndDate: c.completedAt,
      result: [{ type: ['Result'], status: 'Completed', value: a.result }],
      achievement: {
        id: `${c.issuerId.replace(/\/$/, '')}/achievements/${encodeURIComponent(c.courseId)}`,
        type: ['Achievement'],
        achievementType: 'Course',
        name: a.parcours,
        description,
        criteria: { narrative: `Formation d’une durée de ${frenchDuration(a.durationMinutes).replace(/\u00a0/g, ' ')} (${a.durationMinutes} min). ${c.criteria}` },
      },
    },
    credentialStatus: {
      id: `${statusListId(c.issuerId)}#${a.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(a.statusIndex),
      statusListCredential: statusListId(c.issuerId),
    },
  }
}

export interface ReadCredential {
  attestation: Attestation
  issuerId: string
  verificationMethod: string
  created: string
  statusList: string
  criteria: string
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 2000

/** The attestation a credential states, or the first field that is not as we write it. */
export function attestationOf(json: unknown): ReadCredential | { error: string } {
  const o = json as Record<string, any>
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { error: 'not-object' }
  if (!Array.isArray(o['@context']) || o['@context'][0] !== CONTEXTS[0] || !/^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context-3\.\d+\.\d+\.json$/.test(o['@context'][1]))
    return { error: '@context' }
  if (!Array.isArray(o.type) || !o.type.includes('VerifiableCredential') || !(o.type.includes('OpenBadgeCredential') || o.type.includes('AchievementCredential')))
    return { error: 'type' }
  if (!str(o.id) || !/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(o.id)) return { error: 'id' }
  if (!o.issuer || !str(o.issuer.id)) return { error: 'issuer' }
  if (!str(o.validFrom) || !/^\d{4}-\d{2}-\d{2}T/.test(o.validFrom) || !isDay(o.validFrom.slice(0, 10))) return { error: 'validFrom' }
  const s = o.credentialSubject
  if (!s || typeof s !== 'object') return { error: 'credentialSubject' }
  const name = Array.isArray(s.identifier) ? s.identifier.find((i: any) => i && i.identityType === 'name' && i.hashed === false)?.identityHash : undefined
  if (!str(name)) return { error: 'credentialSubject.identifier' }
  const achievement = s.achievement
  if (!achievement || !str(achievement.name) || !achievement.criteria || !str(achievement.criteria.narrative)) return { error: 'credentialSubject.achievement' }
  if (!str(s.activityEndDate) || !isDay(s.activityEndDate.slice(0, 10))) return { error: 'credentialSubject.activityEndDate' }
  if (s.activityStartDate !== undefined && (!str(s.activityStartDate) || !isDay(s.activityStartDate.slice(0, 10)))) return { error: 'credentialSubject.activityStartDate' }
  const value = Array.isArray(s.result) ? s.result[0]?.value : undefined
  if (value !== 'Réussi' && value !== 'Terminé') return { error: 'credentialSubject.result' }
  const minutes = /\((\d{1,6}) min\)/.exec(achievement.criteria.narrative)
  if (!minutes) return { error: 'credentialSubject.achievement.criteria' }
  const proof = o.proof
  if (!proof || !str(proof.verificationMethod) || !str(proof.created)) return { error: 'proof' }
  const status = o.credentialStatus
  if (
    !status ||
    status.type !== 'BitstringStatusListEntry' ||
    status.statusPurpose !== 'revocation' ||
    !/^\d{1,9}$/.test(String(status.statusListIndex)) ||
    !str(status.statusListCredential)
  )
    return { error: 'credentialStatus' }
  return {
    attestation: {
      id: o.id,
      name,
      parcours: achievement.name,
      durationMinutes: Number(minutes[1]),
      completedOn: s.activityEndDate.slice(0, 10),
      ...(s.activityStartDate && { startedOn: s.activityStartDate.slice(0, 10) }),
      issuedOn: o.validFrom.slice(0, 10),
      result: value as ResultLabel,
      statusIndex: Number(status.statusListIndex),
    },
    issuerId: o.issuer.id,
    verificationMethod: proof.verificationMethod,
    created: proof.created,
    statusList: status.statusListCredential,
    criteria: achievement.criteria.narrative,
  }
}
