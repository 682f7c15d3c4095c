/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and says where the time goes:
 *  - self time by bucket: a parcours file (lib/…), an npm package, a Node internal area, GC;
 *  - inclusive time of parcours' pipeline stages (synchronous work under each stage function;
 *    the zip's deflate callbacks run later and show up under yazl and zlib),
 *    and, for each stage, its own self time by bucket (a nested stage keeps its own time);
 *  - the top functions by self time.
 */

/** Pipeline stage functions of src/compiler (names kept by tsc), in pipeline order. */
export const STAGES = [
  'readTree',
  'readBuiltins',
  'compile',
  'parseCourseConfig',
  'parseModule',
  'buildCourse',
  'compileTemplates',
  'buildScos',
  'worstCaseStateLength',
  'renderPackage',
  'zipFiles',
  'writeAtomic',
]

const SPECIAL = new Set(['(garbage collector)', '(program)', '(idle)', '(root)'])

export function bucketOf(callFrame) {
  const { url, functionName } = callFrame
  if (SPECIAL.has(functionName)) return functionName
  if (!url) return '(native / builtins)'
  if (url.startsWith('node:')) {
    const parts = url.slice(5).split('/')
    return `node:${parts.slice(0, parts[0] === 'internal' ? 2 : 1).join('/')}`
  }
  const nm = url.lastIndexOf('/node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/')
    return `npm:${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`
  }
  // lib/ is one bundle (parcours and its dependencies): its chunks are the finest bucket left.
  const lib = url.lastIndexOf('/lib/')
  if (lib >= 0) return `parcours:${url.slice(lib + '/lib/'.length)}`
  const bin = url.indexOf('/bin/')
  if (bin >= 0) return `parcours:${url.slice(bin + 1)}`
  return url.replace(/^file:\/\//, '')
}

export function summarizeProfile(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map()
  const { samples, timeDeltas } = profile
  // Sample i lasts until sample i+1 (DevTools' convention).
  for (let i = 0; i < samples.length; i++) {
    const us = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0
    self.set(samples[i], (self.get(samples[i]) ?? 0) + Math.max(0, us))
  }
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0)

  // Inclusive time per node, then per stage function (outermost occurrence only, no double count).
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const root = profile.nodes.find((n) => !parent.has(n.id))
  const stageUs = new Map(STAGES.map((s) => [s, 0]))
  // Self time by (innermost stage, bucket): what each stage spends its time on.
  const within = new Map()
  const walk = (id, openStages, innermost) => {
    const n = nodes.get(id)
    const name = n.callFrame.functionName
    const isStage = stageUs.has(name) && bucketOf(n.callFrame).startsWith('parcours:') && !openStages.has(name)
    const inner = isStage ? new Set([...openStages, name]) : openStages
    const here = isStage ? name : innermost
    const own = self.get(id) ?? 0
    if (own && here) {
      const m = within.get(here) ?? new Map()
      const bucket = bucketOf(n.callFrame)
      m.set(bucket, (m.get(bucket) ?? 0) + own)
      within.set(here, m)
    }
    let total = own
    for (const c of n.children ?? []) total += walk(c, inner, here)
    if (isStage) stageUs.set(name, stageUs.get(name) + total)
    return total
  }
  walk(root.id, new Set(), null)

  const buckets = new Map()
  const functions = new Map()
  for (const [id, us] of self) {
    const cf = nodes.get(id).callFrame
    const bucket = bucketOf(cf)
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us)
    const key = `${cf.functionName || '(anonymous)'} ${bucket}:${cf.lineNumber + 1}`
    functions.set(key, (functions.get(key) ?? 0) + us)
  }
  const ms = (us) => Math.round(us / 100) / 10
  const pct = (us) => Math.round((1000 * us) / Math.max(1, totalUs)) / 10
  const sorted = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: ms(us), pct: pct(us) }))
  return {
    sampledMs: ms(totalUs),
    wallMs: ms(profile.endTime - profile.startTime),
    stages: STAGES.map((name) => ({ name, ms: ms(stageUs.get(name)), pct: pct(stageUs.get(name)), selfByBucket: within.has(name) ? sorted(within.get(name), 5) : [] })).filter(
      (s) => s.ms > 0,
    ),
    buckets: sorted(buckets, 15),
    functions: sorted(functions, 15),
  }
}
