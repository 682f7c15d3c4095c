// Bundles the inspector's page script (src/certify/verifier/browser.ts) into one IIFE string, for
// `parcours certify verifier` to inline into verifier.html. Used by build-cli.js (the string is
// compiled into lib/) and by the tests (which run src/ directly).
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

export async function buildVerifierScript(root = join(dirname(fileURLToPath(import.meta.url)), '..')) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/certify/verifier/browser.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    charset: 'ascii',
    write: false,
    logLevel: 'warning',
  })
  return result.outputFiles[0].text
}
