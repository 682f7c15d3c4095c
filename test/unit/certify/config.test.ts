/** The certification section of course.yml: certify's reader, and the compiler's schema (parcours check) in step with it. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CERTIFICATION_KEYS, parseCertificationConfig } from '../../../src/certify/config.js'
import { CertifyError } from '../../../src/certify/problems.js'
import { COURSE_SCHEMA } from '../../../src/compiler/parse/course-config.js'
import { validate } from '../../../src/compiler/parse/schema.js'
import { parseYaml } from '../../../src/compiler/parse/yaml-source.js'

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../fixtures/certify/course/course.yml'), 'utf8')

const problems = (text: string) => {
  try {
    parseCertificationConfig(text)
    return []
  } catch (e) {
    return (e as CertifyError).problems.map((p) => [p.code, p.line, p.params?.key])
  }
}

describe('certification config', () => {
  it('reads the fixture', () => {
    expect(parseCertificationConfig(FIXTURE)).toEqual({
      courseId: 'rgpd-ent-2026',
      courseTitle: "Le RGPD et l'ENT : piloter au quotidien",
      title: 'Attestation de formation',
      wording: 'a suivi avec succès la formation à distance',
      objectives: ["Identifier la base légale d'un traitement de données dans un EPLE", "Piloter l'ENT avec les outils de l'académie"],
      durationMinutes: 150,
      rule: { activities: ['Module 1 – RGPD : droits & devoirs', 'Module 2 – ENT : pilotage'], course: false, minGrade: 80 },
      issuer: { name: 'Académie d’Exemple — EAFC'.replace('’', "'"), address: "1 rue de l'Exemple, 00000 Exempleville" },
      signatory: { role: "La directrice de l'EAFC" },
      timeZone: 'Europe/Paris',
    })
  })

  it('reports mistakes with their line', () => {
    expect(problems(FIXTURE.replace('    minGrade: 80', '    minGrade: 80\n    course: complete'))).toEqual([['config/invalid', 17, 'certification.rule']])
    expect(problems(FIXTURE.replace('  timezone: Europe/Paris', '  timezone: Europe/Pariss'))).toEqual([['config/invalid', 26, 'certification.timezone']])
    expect(problems(FIXTURE.replace('  signatory:', '  signatry:'))).toEqual([
      ['config/unknown-key', 24, 'certification.signatry'],
      ['config/missing', 11, 'certification.signatory'],
    ])
    expect(problems(FIXTURE.replace(/certification:[\s\S]*/, ''))).toEqual([['config/no-certification', 1, undefined]])
  })

  it('the compiler schema (parcours check) accepts the same keys, and only those', () => {
    const schema = COURSE_SCHEMA.certification!
    expect(schema.type).toBe('object')
    if (schema.type !== 'object') return
    expect(Object.keys(schema.fields)).toEqual([...CERTIFICATION_KEYS['']])
    for (const section of ['rule', 'issuer', 'signatory'] as const) {
      const field = schema.fields[section]!
      expect(field.type === 'object' && Object.keys(field.fields)).toEqual([...CERTIFICATION_KEYS[section]])
    }
    const { source } = parseYaml(FIXTURE, 'course.yml')
    expect(validate(source!, COURSE_SCHEMA, 'course.yml')).toEqual([])
  })
})
