/**
 * The build-time budget of the learner state: a course whose worst-case `cmi.suspend_data`
 * exceeds what the LMS stores must fail the build, naming the module and what to do.
 */
import { describe, expect, it } from 'vitest'
import { CompileError, compile, formatDiagnostic, readBuiltins } from '../../../src/index.js'
import type { SourceTree } from '../../../src/index.js'
import { stateKey } from '../../../src/shared/state-key.js'

function course(questions: string[], pages = 1): SourceTree {
  const yml = 'id: budget\ntitle: Budget\nversion: 1.0.0\ndescription: d\naudience: a\nduration: 10\nmodules:\n  - m.md\n'
  const blocks = questions.map(
    (id) =>
      `::: qcm ${id}\nQuestion ${id} ?\n\n${Array.from({ length: 30 }, (_, i) => `- [${i === 0 ? 'x' : ' '}] Réponse ${i}`).join('\n')}\n\nCorrect : oui.\nIncorrect : non.\n:::\n`,
  )
  const body = Array.from({ length: pages }, (_, i) => `## Page ${i} {#page-${i}}\n\nTexte.\n`).join('\n') + `\n## Évaluation {#evaluation .evaluation}\n\n${blocks.join('\n')}`
  // A duration near the estimate (check/pedagogy.ts): this test is about the state budget only.
  const minutes = Math.max(1, Math.round(questions.length * (2 + 33 / 150)))
  const md = `---\nid: m\ntitle: Module M\nduration: ${minutes}\nobjectives:\n  - comprendre\n---\n\n${body}`
  return { root: 'content', files: { 'course.yml': { path: 'course.yml', text: yml }, 'm.md': { path: 'm.md', text: md } } }
}

function diagnosticsOf(tree: SourceTree, format: 'scorm12' | 'scorm2004', builtins: Awaited<ReturnType<typeof readBuiltins>>): string[] {
  try {
    compile(tree, builtins, [format])
    return []
  } catch (e) {
    if (!(e instanceof CompileError)) throw e
    return e.diagnostics.map((d) => formatDiagnostic(d))
  }
}

describe('state budget', () => {
  it('refuses a SCORM 1.2 SCO whose state could outgrow 4096 characters, and says what to change', async () => {
    const builtins = await readBuiltins()
    const tree = course(
      Array.from({ length: 160 }, (_, i) => `q-${i}`),
      60,
    )
    const [message, ...rest] = diagnosticsOf(tree, 'scorm12', builtins)
    expect(rest).toEqual([])
    expect(message).toMatch(/^m\.md: erreur \[state\/too-large\] L'état d'un apprenant peut atteindre \d+ caractères dans « Budget », au-delà de la limite de 4096 de SCORM 1\.2\./)
    expect(message).toMatch(/sco: module|SCORM 2004/)
    // The same course fits SCORM 2004's 64000.
    expect(diagnosticsOf(tree, 'scorm2004', builtins)).toEqual([])
  })

  it('accepts a 50-page, 40-question module in SCORM 1.2', async () => {
    expect(
      diagnosticsOf(
        course(
          Array.from({ length: 40 }, (_, i) => `q-${i}`),
          50,
        ),
        'scorm12',
        await readBuiltins(),
      ),
    ).toEqual([])
  })

  it('refuses two ids that would share a state key', async () => {
    const seen = new Map<string, string>()
    let pair: [string, string] | undefined
    for (let i = 0; !pair; i++) {
      const id = `q-${i}`
      const other = seen.get(stateKey(id))
      if (other) pair = [other, id]
      seen.set(stateKey(id), id)
    }
    const messages = diagnosticsOf(course(pair), 'scorm12', await readBuiltins())
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('[state/key-collision]')
    expect(messages[0]).toContain(`« ${pair[0]} » et « ${pair[1]} »`)
  })
})
