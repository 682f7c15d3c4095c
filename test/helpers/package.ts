/**
 * Checks a built SCORM package the way a demanding LMS would, beyond what the XSDs catch
 * (test/helpers/xsd.ts): libxml2 ignores IDREF, no schema checks identifierref → resource,
 * masteryscore ≤ 100, the exact schemaversion string…
 */
import JSZip from 'jszip'
export { checkPackage } from '../../src/inspect/package-check.js'

export async function unzip(bytes: Uint8Array): Promise<Record<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes)
  const files: Record<string, Buffer> = {}
  for (const entry of Object.values(zip.files)) if (!entry.dir) files[entry.name] = await entry.async('nodebuffer')
  return files
}

/** URLs a page would load from outside the package (links the learner clicks are fine). */
export function externalLoads(path: string, text: string): string[] {
  const found: string[] = []
  const patterns = [
    /<(?:script|img|iframe|source|video|audio|embed|track)\b[^>]*\bsrc\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /<link\b[^>]*\bhref\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /@import\s+(?:url\()?["']?((?:https?:)?\/\/[^"')\s]+)/gi,
    /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
  ]
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(`${path}: ${match[1]}`)
  return found
}
