/** The runtime on a very large SCO (test/bench/runtime-entry.ts: it reuses the tests' Chromium finder). */
import { loadBenchEntry } from './bundle.js'

export async function loadRuntimeBench(root) {
  const { module, cleanup } = await loadBenchEntry(root, 'test/bench/runtime-entry.ts')
  return { largeScoBench: module.largeScoBench, cleanup }
}
