/**
 * The command table: one file per command. A command's file is light (words and options); what
 * it runs is imported inside run(), so that `--help` or `--version` load no compiler.
 */
import type { Command } from '../command.js'
import { build } from './build.js'
import { certify } from './certify.js'
import { check } from './check.js'
import { init } from './init.js'
import { inspect } from './inspect.js'
import { preview } from './preview.js'

export const COMMANDS: readonly Command[] = [init, build, preview, check, inspect, certify]
