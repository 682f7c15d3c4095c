/**
 * Garbage collection tuned for a process that mostly builds, set before anything else is loaded
 * (bin.ts imports this first). Measured on a 1,000-module course (`npm run bench`, test/bench):
 *  - without incremental marking, a major collection is done in one go instead of in steps while
 *    the compiler allocates: objects promoted during a long marking survive the cycle, and the
 *    pages rendered for the zip kept the heap growing to ≈ 4× the live model (peak RSS ≈ 300 MB,
 *    ≈ 253 MB without);
 *  - the old generation then grows by 30 % of what survived before the next collection, not by up
 *    to 4× (≈ 222–230 MB); the build was not slower (4.78 → 4.48 s; the sample and 200 modules
 *    unchanged, medians of interleaved pairs).
 * Every command runs with them, `preview` and `build --watch` too. The bench runs the real
 * `preview`: edit → reloaded page 171 ms / 241 ms (sample / 200 modules), against 181 / 226 before;
 * a collection there pauses for tens of milliseconds, between two saves.
 * Node warns that flags set after start may do nothing: these two are read by V8 at each decision
 * to start a collection, and are set here before the first one. Nothing depends on them but memory.
 */
import { setFlagsFromString } from 'node:v8'

setFlagsFromString('--no-incremental-marking')
setFlagsFromString('--heap-growing-percent=30')
