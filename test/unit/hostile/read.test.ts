/**
 * The read stage against a hostile or unlucky course folder: only course.yml, the listed modules,
 * the templates and the images they use are read, each size-checked; nothing else in the folder
 * is opened. Large files are sparse (no disk used): reading one would fail loudly (Node refuses
 * to read more than 2 GB at once), which is how these tests see that it was never read.
 */
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readTree, TEXT_LIMIT, IMAGE_LIMIT } from '../../../src/compiler/read/read-tree.js'
import { buildCourse, expectBuilt, expectRefused, hostileCourse } from './hostile-course.js'

function sparse(path: string, size: number): void {
  const fd = openSync(path, 'w')
  ftruncateSync(fd, size)
  closeSync(fd)
}

const MODULE = '01-module.md'
const withImage = (src: string) => (text: string) => text.replace('Paris est la capitale de la France.', `Paris est la capitale de la France.\n\n![Carte de France](${src})\n`)
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

describe('what the read stage reads', () => {
  it('an unrelated 3 GB video in the course folder is never read: the build succeeds', async () => {
    const dir = hostileCourse()
    sparse(join(dir, 'video-de-la-formation.mp4'), 3 * 1024 ** 3)
    expectBuilt(await buildCourse(dir))
  })

  it('20,000 unrelated files: listed, never opened (no EMFILE), the build succeeds', async () => {
    const dir = hostileCourse()
    mkdirSync(join(dir, 'archives'))
    for (let i = 0; i < 20_000; i++) writeFileSync(join(dir, 'archives', `f${i}.txt`), '')
    expectBuilt(await buildCourse(dir))
  })

  it('reads exactly course.yml, the listed modules, templates and the images shown', async () => {
    const dir = hostileCourse({ 'carte.png': PNG, 'autre.png': PNG, 'brouillon.md': '# notes', 'templates/partials/x.txt': 'x', 'notes.json': '{}' })
    const module = join(dir, MODULE)
    const { readFileSync } = await import('node:fs')
    writeFileSync(module, withImage('carte.png')(readFileSync(module, 'utf8')))
    const tree = await readTree(dir)
    const read = Object.values(tree.files)
      .filter((f) => f.text !== undefined || f.bytes !== undefined)
      .map((f) => f.path)
    expect(read.sort()).toEqual([MODULE, 'carte.png', 'course.yml'])
    expect(Object.keys(tree.files)).toContain('autre.png') // listed, for "did you mean"
    expect(tree.problems).toEqual([])
  })

  it('does not follow a symbolic link to /', async () => {
    const dir = hostileCourse()
    symlinkSync('/', join(dir, 'racine'))
    symlinkSync('/etc/passwd', join(dir, 'passwd.md'))
    const tree = await readTree(dir)
    expect(Object.keys(tree.files).filter((p) => p.startsWith('racine') || p === 'passwd.md')).toEqual([])
    expectBuilt(await buildCourse(dir))
  })
})

describe('size limits', () => {
  it(`an image over ${IMAGE_LIMIT / 1024 ** 2} MB: read/image-too-large, exit 1, nothing written`, async () => {
    const dir = hostileCourse()
    sparse(join(dir, 'carte.png'), IMAGE_LIMIT + 1)
    const { readFileSync } = await import('node:fs')
    writeFileSync(join(dir, MODULE), withImage('carte.png')(readFileSync(join(dir, MODULE), 'utf8')))
    const built = await buildCourse(dir)
    expectRefused(built, 'read/image-too-large')
    expect(built.stderr).toContain('carte.png: erreur [read/image-too-large] Image trop lourde : 26 Mo, au-delà de la limite de 25 Mo.')
  })

  it('a 2.5 GB image (more than Node can read at once): the same clear error, never a crash', async () => {
    const dir = hostileCourse()
    sparse(join(dir, 'carte.png'), 2.5 * 1024 ** 3)
    const { readFileSync } = await import('node:fs')
    writeFileSync(join(dir, MODULE), withImage('carte.png')(readFileSync(join(dir, MODULE), 'utf8')))
    expectRefused(await buildCourse(dir), 'read/image-too-large')
  })

  it(`a module over ${TEXT_LIMIT / 1024 ** 2} MB: read/text-too-large`, async () => {
    const dir = hostileCourse()
    sparse(join(dir, MODULE), TEXT_LIMIT + 1)
    const built = await buildCourse(dir)
    expectRefused(built, 'read/text-too-large')
    expect(built.codes).toEqual(['read/text-too-large']) // not also "module not found" or "no front matter"
  })

  it('a logo over the image limit: read/image-too-large', async () => {
    const dir = hostileCourse()
    sparse(join(dir, 'logo.png'), IMAGE_LIMIT + 1)
    const { appendFileSync } = await import('node:fs')
    appendFileSync(join(dir, 'course.yml'), 'theme:\n  logo: logo.png\n  logoAlt: Académie\n')
    expectRefused(await buildCourse(dir), 'read/image-too-large')
  })
})

describe('folders that are not a course', () => {
  it('more entries than the limit: read/too-many-files, without listing the rest', async () => {
    const dir = hostileCourse()
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `f${i}.txt`), '')
    const tree = await readTree(dir, { maxEntries: 20 })
    expect(tree.problems?.map((d) => d.code)).toEqual(['read/too-many-files'])
  })
})

describe('encoding', () => {
  it('a Latin-1 course.yml: read/not-utf8 at the line and column of the first bad byte', async () => {
    const dir = hostileCourse({ 'course.yml': Buffer.from('id: minimal\ntitle: Une formation sur le numérique\n', 'latin1') })
    const built = await buildCourse(dir)
    expectRefused(built, 'read/not-utf8')
    expect(built.stderr).toContain("course.yml:2:32: erreur [read/not-utf8] Le fichier n'est pas en UTF-8 (octet 0xE9 à cet endroit).")
  })

  it('a Latin-1 module: read/not-utf8, at its line', async () => {
    const dir = hostileCourse({ [MODULE]: Buffer.from("---\nid: module\ntitle: Un module\nduration: 10\nobjectives:\n  - Lire\n---\n\n## Page {#p}\n\nL'été.\n", 'latin1') })
    const built = await buildCourse(dir)
    expectRefused(built, 'read/not-utf8')
    expect(built.stderr).toContain(`${MODULE}:11:3: erreur [read/not-utf8]`)
  })

  it('a byte-order mark and CRLF line ends are accepted', async () => {
    const { readFileSync } = await import('node:fs')
    const dir = hostileCourse()
    const text = readFileSync(join(dir, MODULE), 'utf8')
    writeFileSync(join(dir, MODULE), `\uFEFF${text.replace(/\n/g, '\r\n')}`)
    expectBuilt(await buildCourse(dir))
  })
})

describe('Unicode normalisation', () => {
  it('a module stored NFD on disk (macOS) and listed NFC in course.yml is found, and its NFD image too', async () => {
    const nfd = 'référentiel.md'.normalize('NFD')
    const { readFileSync, renameSync } = await import('node:fs')
    const dir = hostileCourse({ 'course.yml': readFileSync(join(hostileCourse(), 'course.yml'), 'utf8').replace('01-module.md', 'référentiel.md'.normalize('NFC')) })
    renameSync(join(dir, MODULE), join(dir, nfd))
    writeFileSync(join(dir, 'carte-é.png'.normalize('NFD')), PNG)
    writeFileSync(join(dir, nfd), withImage('carte-é.png'.normalize('NFC'))(readFileSync(join(dir, nfd), 'utf8')))
    expectBuilt(await buildCourse(dir))
  })
})
