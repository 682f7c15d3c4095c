/**
 * The two phases: analyse() gives the checked model and every diagnostic without throwing or
 * rendering; render() turns it into files; compile() is both. The analysis cache re-parses only
 * modules whose text changed.
 */
import { describe, expect, it } from 'vitest'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { analyse, compile, createAnalysisCache, render } from '../../../src/compiler/pipeline.js'
import { didYouMean } from '../../../src/compiler/did-you-mean.js'
import { asciiPath } from '../../../src/compiler/parse/parse-module.js'
import { fill } from '../../../src/shared/fill.js'
import { CompileError, readBuiltins } from '../../../src/index.js'
import { CONTENT, loadTree, ROOT } from '../../helpers/compile.js'

const MINIMAL = `${ROOT}/test/fixtures/courses/minimal/content`

describe('analyse()', () => {
  it('returns the course model and SCOs of each format, and renders nothing', async () => {
    const analysis = analyse(await loadTree(MINIMAL), await readBuiltins(), ['scorm12', 'scorm2004'])
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(analysis.course?.config.id).toBe('minimal')
    expect(analysis.packages.map((p) => [p.format, p.name])).toEqual([
      ['scorm12', 'minimal-scorm12.zip'],
      ['scorm2004', 'minimal-scorm2004.zip'],
    ])
    expect(analysis.packages[0]!.scos[0]!.data.pages.length).toBeGreaterThan(0)
    expect('files' in analysis.packages[0]!).toBe(false)
  })

  it('reports errors as diagnostics instead of throwing, with a missing module and a missing logo apart', async () => {
    const tree = await loadTree(MINIMAL, {
      'course.yml': (text) => text.replace(/modules:\n/, 'modules:\n  - absent.md\n') + '\ntheme:\n  logo: logo-absent.png\n',
    })
    const analysis = analyse(tree, await readBuiltins(), ['scorm12'])
    expect(analysis.diagnostics.map((d) => d.code).sort()).toEqual(['course/module-not-found', 'theme/logo-not-found'])
    expect(analysis.packages).toEqual([])
  })

  it('gives the SCOs of one build the same strings object, without the answer key’s', async () => {
    const tree = await loadTree(CONTENT, { 'course.yml': (text) => `${text}\nsco: module\n` })
    const analysis = analyse(tree, await readBuiltins(), ['scorm12'])
    const scos = analysis.packages[0]!.scos
    expect(scos.length).toBe(3)
    expect(scos.every((s) => s.data.strings === scos[0]!.data.strings)).toBe(true)
    expect(Object.keys(scos[0]!.data.strings).length).toBeGreaterThan(20)
    expect(Object.keys(scos[0]!.data.strings).filter((k) => k.startsWith('answerKey.'))).toEqual([])
  })

  it('without course.yml: no course, one diagnostic', async () => {
    const analysis = analyse({ root: 'x', files: {} }, await readBuiltins(), ['scorm12'])
    expect(analysis.course).toBeUndefined()
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['course/no-course-file'])
  })

  it('re-uses the parse of unchanged modules and re-parses a changed one', async () => {
    const builtins = await readBuiltins()
    const cache = createAnalysisCache()
    const tree = await loadTree(`${ROOT}/content`)
    const first = analyse(tree, builtins, ['scorm12'], cache)
    const second = analyse(tree, builtins, ['scorm12'], cache)
    expect(second.course!.modules.every((m, i) => m === first.course!.modules[i])).toBe(true)
    const edited = first.course!.modules[1]!.file
    tree.files[edited] = { path: edited, text: tree.files[edited]!.text!.replace(/\n## /, '\n## Page ajoutée {#page-ajoutee}\n\nTexte.\n\n## ') }
    const third = analyse(tree, builtins, ['scorm12'], cache)
    expect(third.course!.modules[0]).toBe(first.course!.modules[0])
    expect(third.course!.modules[1]).not.toBe(first.course!.modules[1])
    expect(third.course!.modules[1]!.pages.map((p) => p.id)).toContain('page-ajoutee')
    // A fresh read of the same folder (files listed in another order) still hits the cache.
    const reread = await loadTree(`${ROOT}/content`)
    reread.files = Object.fromEntries(Object.entries(reread.files).reverse())
    reread.files[edited] = tree.files[edited]!
    const fourth = analyse(reread, builtins, ['scorm12'], cache)
    expect(fourth.course!.modules.every((m, i) => m === third.course!.modules[i])).toBe(true)
    // Same output as a build without cache.
    expect(JSON.stringify(compile(tree, builtins, ['scorm12'], cache).packages)).toBe(JSON.stringify(compile(tree, builtins, ['scorm12']).packages))
  })
})

describe('render() and compile()', () => {
  it('render() writes the files of each analysed package', async () => {
    const builtins = await readBuiltins()
    const tree = await loadTree(MINIMAL)
    const analysis = analyse(tree, builtins, ['scorm12'])
    const rendered = render({ course: analysis.course!, packages: analysis.packages }, tree, builtins)
    expect(rendered.diagnostics).toEqual([])
    expect(rendered.packages[0]!.files.map((f) => f.path)).toContain('imsmanifest.xml')
  })

  it('lazy pages (build) keep the course model, not the source tree: the modules’ texts can go before the zip is written', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const builtins = await readBuiltins()
    const planned = await (async () => {
      const tree = await loadTree(MINIMAL)
      const analysis = analyse(tree, builtins, ['scorm12'])
      const rendered = render({ course: analysis.course!, packages: analysis.packages }, tree, builtins, { lazy: true })
      return { files: rendered.packages[0]!.files, tree: new WeakRef(tree) }
    })()
    const page = planned.files.find((f) => typeof f.contents === 'function')!
    // Collected once nothing reaches it (the pages still to render are reachable here). deref()
    // keeps its target alive until the current job ends: collect in a fresh job, then look.
    let collected = false
    for (let i = 0; i < 10 && !collected; i++) {
      await new Promise((resolve) => setImmediate(resolve))
      gc()
      collected = planned.tree.deref() === undefined
    }
    expect(planned.tree.deref()).toBeUndefined()
    expect((page.contents as () => string)()).toContain('<html')
  })

  it('compile() reports template mistakes together with the course mistakes', async () => {
    const tree = await loadTree(MINIMAL, {
      'course.yml': (text) => text.replace(/modules:\n/, 'modules:\n  - absent.md\n'),
      'templates/partials/objectives.hbs': '{{#if}}',
    })
    const builtins = await readBuiltins()
    try {
      compile(tree, builtins, ['scorm12'])
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(CompileError)
      expect((e as CompileError).diagnostics.map((d) => d.code).sort()).toEqual(['course/module-not-found', 'template/error'])
    }
  })
})

describe('a replaced layout', () => {
  const layout = async (change: (text: string) => string): Promise<string[]> => {
    const builtins = await readBuiltins()
    const tree = await loadTree(MINIMAL, { 'templates/layouts/sco.html.hbs': change(builtins.templates['layouts/sco.html.hbs']!) })
    return compile(tree, builtins, ['scorm12']).diagnostics.map((d) => d.code)
  }

  it('calling the fallback as a partial block is calling it', async () => {
    expect(await layout((text) => text.replace('{{> fallback}}', '{{#> fallback}}<p>ancienne version</p>{{/fallback}}'))).not.toContain('template/missing-fallback')
  })

  it('without the fallback gets a warning, and builds', async () => {
    expect(await layout((text) => text.replace('{{> fallback}}', ''))).toContain('template/missing-fallback')
  })
})

describe('shared helpers', () => {
  it('fill() replaces known names and leaves unknown ones visible', () => {
    expect(fill('{a} et {b}', { a: 1 })).toBe('1 et {b}')
  })

  it('didYouMean() suggests a typo, not a far-fetched word', () => {
    expect(didYouMean('pasingScore', ['passingScore', 'title'])).toBe('passingScore')
    expect(didYouMean('Evaluation', ['evaluation'])).toBe('evaluation')
    expect(didYouMean('zzz', ['passingScore'])).toBeUndefined()
    expect(didYouMean('x', [])).toBeUndefined()
  })

  it('asciiPath() transliterates like slugify', () => {
    expect(asciiPath('media/m/cœur.png')).toBe('media/m/coeur.png')
    expect(asciiPath('media/m/schéma 1.PNG')).toBe('media/m/schema-1.png')
    expect(asciiPath('media/_/Été_2025/Logo.svg')).toBe('media/_/Ete_2025/Logo.svg')
  })
})

describe('templates compiled ahead (lib/templates.json)', () => {
  it('are used only for the text they were compiled from, and give the same package as compiling at run time', async () => {
    const builtins = await readBuiltins()
    const tree = await loadTree(MINIMAL)
    const { precompileTemplates } = await import('../../../src/compiler/render/templates.js')
    const ahead = precompileTemplates(builtins.templates)
    const page = (b: typeof builtins) => compile(tree, b, ['scorm12']).packages[0]!.files.find((f) => f.path === 'index.html')!.contents
    const atRunTime = page({ ...builtins, precompiled: {} })
    expect(page({ ...builtins, precompiled: ahead })).toBe(atRunTime)
    // A spec is taken as it is when its hash matches (here, the pager's spec swapped for another text's)…
    const marker = precompileTemplates({ 'partials/pager.hbs': '<nav class="marker">ahead</nav>' })['partials/pager.hbs']!
    const swapped = { ...ahead, 'partials/pager.hbs': { sha256: ahead['partials/pager.hbs']!.sha256, spec: marker.spec } }
    expect(page({ ...builtins, precompiled: swapped })).toContain('<nav class="marker">ahead</nav>')
    // …and never for another text: an edited template (or a stale lib/) is compiled from its text.
    const stale = { ...ahead, 'partials/pager.hbs': { sha256: marker.sha256, spec: marker.spec } }
    expect(page({ ...builtins, precompiled: stale })).toBe(atRunTime)
  })
})
