#!/usr/bin/env node
// Entry point: the bundled CLI in lib/. An installed package ships lib/ prebuilt; in a checkout
// (scripts/ is there) it is built on first use and rebuilt when the sources change.
import { existsSync } from 'node:fs'

if (existsSync(new URL('../scripts/ensure-built.js', import.meta.url))) await import('../scripts/ensure-built.js')
await import('../lib/cli.js')
