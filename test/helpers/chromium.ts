// Which Chromium the browser tests drive, found the same way on every machine:
//   1. CHROMIUM_PATH, when set (it must then exist: a wrong path is an error, not a fallback);
//   2. a system Chromium, when one is installed (/usr/bin/chromium…);
//   3. otherwise the Chromium of the npm package @sparticuz/chromium (a devDependency): its
//      binary ships inside the package, brotli-compressed, so `npm ci` is all a fresh machine
//      needs. It is unpacked once into node_modules/.cache/parcours-chromium/<version>/, with
//      the NSS libraries and the fonts the package carries, so that it starts on a machine
//      that has neither.
// A browser that cannot be found is an error that says how to fix it: browser tests are never skipped.

import { randomBytes } from 'node:crypto'
import { accessSync, constants, createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress } from 'node:zlib'
import { extract } from 'tar-fs'

export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

export interface ChromiumInstall {
  executablePath: string
  /** Where it came from, for messages: "CHROMIUM_PATH", "system" or "npm @sparticuz/chromium 147.0.0". */
  source: string
  /** Extra environment the binary needs (bundled libraries and fonts for the npm build). */
  env: Record<string, string>
}

const HOW_TO_FIX = 'Run "npm ci" in the repository (it installs @sparticuz/chromium), or point CHROMIUM_PATH at a Chromium executable.'

let found: Promise<ChromiumInstall> | undefined

/** The Chromium to launch; the npm build is unpacked on first use (a few seconds, once per install). */
export function findChromium(): Promise<ChromiumInstall> {
  found ??= locate()
  return found
}

async function locate(): Promise<ChromiumInstall> {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", which is not an executable file. ${HOW_TO_FIX}`)
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH', env: {} }
  }
  const system = SYSTEM_CHROMIUMS.find(isExecutable)
  if (system) return { executablePath: system, source: 'system', env: {} }
  return unpackNpmChromium()
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

async function unpackNpmChromium(): Promise<ChromiumInstall> {
  let packageDir: string
  try {
    // The package's "main" is build/cjs/index.cjs: its folder's grandparent is the package.
    packageDir = dirname(dirname(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'))))
  } catch {
    throw new Error(`No Chromium found: CHROMIUM_PATH is not set, none of ${SYSTEM_CHROMIUMS.join(', ')} exists, and @sparticuz/chromium is not installed. ${HOW_TO_FIX}`)
  }
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version
  const source = `npm @sparticuz/chromium ${version}`
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`${source} is a Linux x64 build; this machine is ${process.platform} ${process.arch}. Set CHROMIUM_PATH to a local Chromium or Chrome.`)
  }
  const bin = join(packageDir, 'bin')
  // node_modules/.cache is where tools keep what they derive from node_modules; one folder per version.
  const target = join(dirname(dirname(packageDir)), '.cache', 'parcours-chromium', version)
  const install: ChromiumInstall = {
    executablePath: join(target, 'chromium'),
    source,
    env: {
      // NSS and expat built for the package (Amazon Linux 2023, glibc 2.34: older than Debian 12's).
      LD_LIBRARY_PATH: [join(target, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(target, 'fonts.conf'),
    },
  }
  if (existsSync(join(target, 'complete'))) return install

  // Unpack into a private folder, then rename it into place: two processes unpacking at the
  // same time cannot see each other's half-written files.
  const work = `${target}.${process.pid}-${randomBytes(4).toString('hex')}`
  await mkdir(work, { recursive: true })
  try {
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(work, 'chromium'), { mode: 0o755 }))
    for (const archive of ['al2023.tar.br', 'fonts.tar.br', 'swiftshader.tar.br']) {
      await pipeline(createReadStream(join(bin, archive)), createBrotliDecompress(), extract(work))
    }
    // The package's own fonts.conf names Lambda folders; ours adds the system's fonts first, with
    // the bundled Open Sans as the floor on a machine that has no fonts at all.
    await writeFile(
      join(work, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>/usr/share/fonts</dir>\n  <dir>/usr/local/share/fonts</dir>\n  <dir prefix="xdg">fonts</dir>\n` +
        `  <dir>${join(target, 'fonts')}</dir>\n  <cachedir>${join(target, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    )
    await writeFile(join(work, 'complete'), `${source}\n`)
    await mkdir(dirname(target), { recursive: true })
    await rename(work, target).catch(async (e: NodeJS.ErrnoException) => {
      // Another process got there first with a complete copy: use it.
      if ((e.code === 'ENOTEMPTY' || e.code === 'EEXIST') && existsSync(join(target, 'complete'))) return
      throw e
    })
  } catch (e) {
    throw new Error(`Could not unpack ${source} into ${target}: ${(e as Error).message}. ${HOW_TO_FIX}`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return install
}
