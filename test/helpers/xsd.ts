// The schema validation lives in src/inspect/xsd.ts (parcours inspect uses it too).
export { validateXsd, type SchemaSet } from '../../src/inspect/xsd.js'
