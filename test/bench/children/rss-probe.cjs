// Preloaded with `node -r` when /usr/bin/time is not available: on exit, the child writes its own
// peak resident set size (process.resourceUsage().maxRSS, in KiB) and its CPU time (user + system,
// ms) to $PARCOURS_BENCH_RSS_FILE.
'use strict'
const { writeFileSync } = require('node:fs')

const file = process.env.PARCOURS_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }))
  })
}
