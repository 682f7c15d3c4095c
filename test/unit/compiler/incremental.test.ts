// Watch and preview rebuild with what earlier builds left (parsed modules, their checks, compiled
// templates, rendered SCO pages, remembered hashes). A rebuild after any edit must give exactly
// what a fresh build of the edited course gives: nothing stale survives an edit.
import { describe, expect, it } from 'vitest'
import { compile, createAnalysisCache, readBuiltins, type SourceTree } from '../../../src/index.js'
import { loadTree } from '../../helpers/compile.js'

const builtins = await readBuiltins()

function files(tree: SourceTree, cache = createAnalysisCache()) {
  const result = compile(tree, builtins, ['scorm12', 'scorm2004'], cache, { answerKey: false })
  return {
    files: result.packages.map((p) => p.files.map((f) => [f.path, typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('base64')])),
    diagnostics: result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`),
  }
}

/** Each edit is applied to the tree after a warm build; the rebuild is compared with a cold one. */
const EDITS: Record<string, (tree: SourceTree) => void> = {
  'a paragraph of one module': (tree) => {
    const f = tree.files['01-cadre-de-confiance.md']!
    f.text = f.text!.replace(/\n\n([^#:\n<!>|-][^\n]*)\n/, (_, line: string) => `\n\n${line} (modifié)\n`)
  },
  'a working note left in a module (a per-module check)': (tree) => {
    const f = tree.files['02-rgpd-ecole.md'] ?? Object.values(tree.files).find((x) => x.path.endsWith('.md') && x.path !== '01-cadre-de-confiance.md')!
    f.text = f.text!.replace(/\n\n([^#:\n<!>|-][^\n]*)\n/, (_, line: string) => `\n\n${line} TODO à vérifier.\n`)
  },
  'the course title and pass mark in course.yml': (tree) => {
    const f = tree.files['course.yml']!
    f.text = f.text!.replace(/^title: .*$/m, 'title: Un autre titre').replace(/^passingScore: .*$/m, 'passingScore: 60')
  },
  'a template overridden by the course': (tree) => {
    tree.files['templates/partials/pager.hbs'] = { path: 'templates/partials/pager.hbs', text: (builtins.templates['partials/pager.hbs'] ?? '') + '\n<!-- gabarit du cours -->\n' }
  },
}

/** Module 1 links to the first page of module 2 (`02-rgpd-ecole.md`), which the package points at `#p-<module id>--<page id>`. */
function withCrossLink(tree: SourceTree): SourceTree {
  const f = tree.files['01-cadre-de-confiance.md']!
  f.text = f.text!.replace(/\n\n([^#:\n<!>|-][^\n]*)\n/, (_, line: string) => `\n\n${line} Voir [le module RGPD](02-rgpd-ecole.md).\n`)
  return tree
}

EDITS['the id of a module another module links to (the link is rewritten anew)'] = (tree) => {
  const f = tree.files['02-rgpd-ecole.md']!
  f.text = f.text!.replace(/^id: rgpd-ecole$/m, 'id: rgpd-etablissement')
}

describe('a warm rebuild equals a cold build of the edited course', () => {
  it.each(Object.keys(EDITS))('after editing %s', async (edit) => {
    const cache = createAnalysisCache()
    const tree = withCrossLink(await loadTree())
    files(tree, cache)
    files(tree, cache)
    EDITS[edit]!(tree)
    const warm = files(tree, cache)
    const cold = files(structuredClone(tree))
    expect(warm).toEqual(cold)
    // And the edit did change something (the comparison is not between two unchanged builds).
    expect(warm).not.toEqual(files(withCrossLink(await loadTree())))
  })
})
