/** The bundle's entry (lib/cli.js): runs the command line in this process. */
import './batch-gc.js'
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2))
