#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm ci builds it through the `prepare` script).
import { main } from '../dist/lib/cli/main.js'
import { CLI_TEXTS } from '../dist/lib/i18n/cli.js'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    // A bug in parcours, never a mistake in the course: say so, with the stack for the report.
    const args = process.argv.slice(2)
    const i = args.indexOf('--lang')
    const lang = args.includes('--lang=en') || (i >= 0 && args[i + 1] === 'en') ? 'en' : 'fr'
    console.error(CLI_TEXTS[lang].bug)
    console.error(error)
    process.exitCode = 70
  },
)
