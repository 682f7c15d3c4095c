/**
 * The hostile corpus: courses written by an attacker or an unlucky author, each built by the real
 * CLI (in process). For each: the exit code, the diagnostic code, and what was written (nothing,
 * on a refusal; on a build, a package in which the hostile text is inert). The cases the issue
 * found already holding are kept here so that they keep holding.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildCourse, expectBuilt, expectRefused, freshDir, hostileCourse, MINIMAL } from './hostile-course.js'
import { parcoursIn } from '../../helpers/cli.js'

const COURSE_YML = readFileSync(join(MINIMAL, 'course.yml'), 'utf8')
const MODULE = readFileSync(join(MINIMAL, '01-module.md'), 'utf8')
const withBody = (extra: string) => MODULE.replace('Paris est la capitale de la France.', `Paris est la capitale de la France.\n\n${extra}\n`)
const FLAG = '__parcoursHostileRan'

async function packageText(out: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(join(out, 'minimal-scorm12.zip')))
  const texts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir && /\.(html|xml)$/.test(f.name))
      .map((f) => f.async('string')),
  )
  return texts.join('\n')
}

describe('refused: exit 1, the diagnostic, nothing written', () => {
  it.each([
    ['---js front matter', { '01-module.md': MODULE.replace(/^---\n/, `---js\n(globalThis.${FLAG} = true, `).replace(/\n---\n/, ')\n---\n') }, 'module/front-matter-not-yaml'],
    ['---toml front matter', { '01-module.md': MODULE.replace(/^---\n/, '---toml\n') }, 'module/front-matter-not-yaml'],
    ['---json front matter, broken', { '01-module.md': MODULE.replace(/^---\n/, '---json\n{') }, 'module/front-matter-not-yaml'],
    [
      'a YAML alias bomb',
      {
        'course.yml': `${COURSE_YML}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n`,
      },
      'yaml/syntax',
    ],
    ['an image path out of the course folder', { '01-module.md': withBody('![Mots de passe](../../../../../../etc/passwd)') }, 'image/not-found'],
    ['a javascript: link', { '01-module.md': withBody('[cliquez](javascript:alert(document.cookie))') }, 'link/refused'],
    ['an onclick attribute on a heading', { '01-module.md': MODULE.replace('## Lire {#lire}', '## Lire {#lire onclick=alert(1)}') }, 'page/invalid-attribute'],
    ['an event attribute after a passage', { '01-module.md': withBody('[a]{lang="en" onmouseover=alert(3)}') }, 'markup/unknown-attributes'],
    [
      'an SVG with a script',
      { '01-module.md': withBody('![Schéma](schema.svg)'), 'schema.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' },
      'image/svg-script',
    ],
    ['a module as the logo', { 'course.yml': `${COURSE_YML}theme:\n  logo: 01-module.md\n  logoAlt: Logo\n` }, 'theme/logo-not-image'],
    ['a NUL in the title', { 'course.yml': COURSE_YML.replace(/^title: (.*)$/m, 'title: $1\u0000') }, 'text/control-character'],
    ['a Latin-1 module', { '01-module.md': Buffer.from(MODULE.replace('Reconnaître', 'Reconna\u00eetre'), 'latin1') }, 'read/not-utf8'],
    ['an overridden manifest that is not XML', { 'templates/scorm12/imsmanifest.xml.hbs': '<manifest>{{title}}&nbsp;</manifest' }, 'template/invalid-xml'],
  ] as const)('%s', async (_, files, code) => {
    const built = await buildCourse(hostileCourse(files))
    expectRefused(built, code)
    expect((globalThis as Record<string, unknown>)[FLAG]).toBeUndefined()
  })

  it('--out is the course folder itself: output/is-course-folder, no zip among the sources', async () => {
    const dir = hostileCourse()
    const run = await parcoursIn(dir, 'build', '.', '--out', '.')
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('[output/is-course-folder]')
    expect(existsSync(join(dir, 'minimal-scorm12.zip'))).toBe(false)
  })
})

describe('built, and the hostile text is inert in the package', () => {
  it('raw HTML, event attributes and Handlebars-looking text are shown as text', async () => {
    const dir = hostileCourse({
      '01-module.md': withBody('<script>alert(1)</script> <img src=x onerror="alert(2)"> {{> layout}} {{{title}}} {{#each x}}'),
    })
    const built = await buildCourse(dir)
    expectBuilt(built)
    const text = await packageText(built.out)
    expect(text).not.toContain('<script>alert(1)')
    expect(text).not.toMatch(/<img src=x|<[^>]*\sonerror=/) // in a tag: never; as escaped text: inert
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(text).toContain('{{&gt; layout}} {{{title}}} {{#each x}}')
  })

  it('a !!js/function tag is a plain string: nothing runs', async () => {
    const built = await buildCourse(hostileCourse({ 'course.yml': COURSE_YML.replace(/^title: .*$/m, `title: !!js/function "function () { globalThis.${FLAG} = true }"`) }))
    expect(built.stderr).not.toMatch(/^ {4}at /m)
    expect((globalThis as Record<string, unknown>)[FLAG]).toBeUndefined()
  })

  it('a symbolic link to / and a 3 GB unrelated file in the folder change nothing', async () => {
    const dir = hostileCourse()
    const { symlinkSync, openSync, ftruncateSync, closeSync } = await import('node:fs')
    symlinkSync('/', join(dir, 'racine'))
    const fd = openSync(join(dir, 'film.mp4'), 'w')
    ftruncateSync(fd, 3 * 1024 ** 3)
    closeSync(fd)
    expectBuilt(await buildCourse(dir))
  })

  it('an output folder that cannot be written keeps the old zip, exit 2', async () => {
    const dir = hostileCourse()
    const out = join(freshDir(), 'dist')
    mkdirSync(out)
    writeFileSync(join(out, 'minimal-scorm12.zip'), 'ancien paquet')
    // A file where the temporary zip would go: the write fails whoever runs the tests (root included).
    mkdirSync(join(out, `.minimal-scorm12.zip.${process.pid}.tmp`))
    const run = await parcoursIn(dir, 'build', '.', '--out', out)
    expect(run.status).not.toBe(0)
    expect(run.stderr).not.toMatch(/^ {4}at /m)
    expect(readFileSync(join(out, 'minimal-scorm12.zip'), 'utf8')).toBe('ancien paquet')
  })
})
