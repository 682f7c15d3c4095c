// The files of a deployed package: path → bytes, as the LMS serves them.

export type PackageFiles = Map<string, Buffer> | Record<string, Buffer | Uint8Array | string>

/** Normalises the files of a package: Buffer values, paths without a leading "./" or "/". */
export function normaliseFiles(files: PackageFiles): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const entries = files instanceof Map ? [...files.entries()] : Object.entries(files)
  for (const [path, content] of entries) {
    const clean = path.replace(/^(\.\/|\/)+/, '')
    out.set(clean, typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content))
  }
  return out
}
