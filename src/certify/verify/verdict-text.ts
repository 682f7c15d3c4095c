/** A verdict in words, for the command line and the page (same words in both). No Node API. */
import { frenchDate, frenchDuration } from '../attestation.js'
import type { Reason, Verdict } from './verify.js'

export const REASONS: Record<'fr' | 'en', Record<Reason, string>> = {
  fr: {
    'too-large': 'fichier trop volumineux pour être une attestation',
    malformed: 'document illisible ou mal formé',
    'not-attestation': 'ce n’est pas une attestation parcours (champ inattendu : {detail})',
    'unknown-key': 'signée par une clé qui n’est pas dans la liste de confiance',
    'issuer-mismatch': 'l’émetteur indiqué ne correspond pas à la clé de signature',
    'outside-window': 'signée hors de la période de validité de la clé ({detail})',
    'bad-signature': 'signature invalide : le document a été modifié ou n’a pas été signé par cet émetteur',
    revoked: 'attestation révoquée (liste du {date})',
    'status-unknown': 'statut de révocation inconnu : aucune liste de révocation de cet émetteur',
    'pdf-no-attestation': 'ce PDF ne contient pas d’attestation signée',
    'pdf-mismatch': 'le QR code et l’attestation jointe au PDF ne disent pas la même chose',
  },
  en: {
    'too-large': 'file too large to be an attestation',
    malformed: 'unreadable or malformed document',
    'not-attestation': 'not a parcours attestation (unexpected field: {detail})',
    'unknown-key': 'signed with a key that is not in the trust list',
    'issuer-mismatch': 'the issuer named does not match the signing key',
    'outside-window': 'signed outside the key validity window ({detail})',
    'bad-signature': 'invalid signature: the document was changed or not signed by this issuer',
    revoked: 'attestation revoked (list of {date})',
    'status-unknown': 'revocation status unknown: no revocation list from this issuer',
    'pdf-no-attestation': 'this PDF holds no signed attestation',
    'pdf-mismatch': 'the QR code and the attestation attached to the PDF differ',
  },
}

export function day(iso: string): string {
  return frenchDate(iso.slice(0, 10))
}

export interface VerdictLines {
  headline: 'VALIDE' | 'INVALIDE'
  reason?: string
  fields: [string, string][]
}

export function verdictLines(v: Verdict, lang: 'fr' | 'en' = 'fr'): VerdictLines {
  if (!v.valid) {
    const detail = v.detail ?? ''
    return {
      headline: 'INVALIDE',
      reason: REASONS[lang][v.reason].replace('{detail}', detail).replace('{date}', /^\d{4}-\d{2}-\d{2}/.test(detail) ? day(detail) : detail),
      fields: [],
    }
  }
  const a = v.attestation
  const fr = lang === 'fr'
  return {
    headline: 'VALIDE',
    fields: [
      [fr ? 'Émetteur (liste de confiance)' : 'Issuer (trust list)', v.issuerName],
      [fr ? 'Apprenant·e' : 'Learner', a.name],
      [fr ? 'Parcours' : 'Course', a.parcours],
      [fr ? 'Durée' : 'Duration', frenchDuration(a.durationMinutes)],
      ...(a.startedOn && a.startedOn !== a.completedOn ? [[fr ? 'Commencée le' : 'Started on', frenchDate(a.startedOn)] as [string, string]] : []),
      [fr ? 'Achevée le' : 'Completed on', frenchDate(a.completedOn)],
      [fr ? 'Délivrée le' : 'Issued on', frenchDate(a.issuedOn)],
      [fr ? 'Résultat' : 'Result', a.result],
      [fr ? 'Révocation' : 'Revocation', fr ? `non révoquée au ${day(v.statusDate)}` : `not revoked as of ${day(v.statusDate)}`],
      [fr ? 'Attestation n°' : 'Attestation id', a.id.replace(/^urn:uuid:/, '')],
      [fr ? 'Vérifié depuis' : 'Checked from', v.source === 'qr' ? (fr ? 'QR code' : 'QR code') : v.source === 'pdf' ? 'PDF' : 'JSON'],
    ],
  }
}
