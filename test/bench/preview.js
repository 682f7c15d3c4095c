/** `parcours preview` timings (test/bench/preview-entry.ts: it reuses the tests' Chromium finder). */
import { loadBenchEntry } from './bundle.js'

export async function loadPreviewBench(root) {
  const { module, cleanup } = await loadBenchEntry(root, 'test/bench/preview-entry.ts')
  return { previewBench: module.previewBench, cleanup }
}
