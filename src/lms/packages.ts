// Packages deployed on the test LMS: their files and parsed manifest. Upload validation is
// Moodle's scorm_validate_package() (mod/scorm/lib.php): the zip must have "imsmanifest.xml"
// exactly at its root; a manifest in a sub-folder is refused with Moodle's message.

import { findSco, parseManifest, type ManifestInfo, type ScoInfo } from './manifest.js'
import { normaliseFiles, type PackageFiles } from './package-files.js'

export interface DeployedPackage {
  name: string
  files: Map<string, Buffer>
  manifest: ManifestInfo
}

export class PackageRegistry {
  private readonly packages = new Map<string, DeployedPackage>()

  add(name: string, input: PackageFiles): DeployedPackage {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`package name "${name}" must match [\\w.-]+`)
    const files = normaliseFiles(input)
    const xml = files.get('imsmanifest.xml')
    if (!xml) {
      const nested = [...files.keys()].find((p) => p.endsWith('/imsmanifest.xml'))
      throw new Error(
        nested
          ? `${name}: An imsmanifest.xml file was found but it was not in the root of your zip file, please re-package your SCORM (found ${nested})`
          : `${name}: Incorrect file package - missing imsmanifest.xml or AICC structure`,
      )
    }
    const pkg = { name, files, manifest: parseManifest(xml.toString('utf8')) }
    this.packages.set(name, pkg)
    return pkg
  }

  get(name: string): DeployedPackage | undefined {
    return this.packages.get(name)
  }

  /** The SCO for an alias (resource id, item id, href); throws with the known SCOs listed. */
  sco(name: string, alias: string | undefined): ScoInfo {
    const pkg = this.packages.get(name)
    if (!pkg) throw new Error(`unknown package "${name}" (deployed: ${[...this.packages.keys()].join(', ') || 'none'})`)
    const sco = findSco(pkg.manifest, alias)
    if (!sco) {
      const known = pkg.manifest.scos.map((s) => `${s.resourceId} (${s.launch})`).join(', ')
      throw new Error(`package "${name}" has no SCO "${alias}"; launchable: ${known || 'none'}`)
    }
    return sco
  }

  file(name: string, path: string): Buffer | undefined {
    return this.packages.get(name)?.files.get(path)
  }
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  xhtml: 'application/xhtml+xml',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml',
  xsd: 'application/xml',
  dtd: 'application/xml-dtd',
  txt: 'text/plain; charset=utf-8',
  vtt: 'text/vtt',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  ogg: 'audio/ogg',
  pdf: 'application/pdf',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
}

export function contentType(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ''
  return TYPES[ext] ?? 'application/octet-stream'
}
