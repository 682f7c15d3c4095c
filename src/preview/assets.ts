/** The preview's browser scripts, built by `npm run build` into lib/ (see scripts/build-cli.js). */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { packageRoot } from '../package-root.js'
import type { ScormVersion } from '../shared/sco-data.js'

const cache = new Map<string, Promise<string>>()

function read(path: string): Promise<string> {
  let text = cache.get(path)
  if (!text) cache.set(path, (text = readFile(join(packageRoot(), 'lib', path), 'utf8')))
  return text
}

export const previewAssets = {
  host: () => read('lms/host.js'),
  vendor: (version: ScormVersion) => read(`lms/vendor/${version}.js`),
  client: () => read('preview/client.js'),
}
