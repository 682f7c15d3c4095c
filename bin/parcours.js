#!/usr/bin/env node
// Entry point: the bundled CLI in lib/ (built by `npm run build`, which `npm ci` runs through
// `prepare`; an installed package ships it prebuilt). Exit codes come from src/cli/exit-codes.ts.
try {
  await import('../lib/cli.js')
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('lib/cli.js')) throw error
  // A checkout that was never built: the one mistake the bundle cannot word itself.
  console.error('parcours n’est pas compilé dans ce dossier : lancez « npm run build » (ou « npm ci »).\nparcours is not built in this folder: run "npm run build" (or "npm ci").')
  process.exitCode = 70
}
