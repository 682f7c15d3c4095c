/**
 * Watches a course folder and calls back with the paths that changed, coalescing an editor's
 * burst of events (write, rename, chmod of one save) into one call. Builds are never run twice at
 * once: changes that arrive during a build are kept for the next call.
 */
import { watch } from 'node:fs'
import { relative, sep } from 'node:path'

export interface Watcher {
  close(): void
}

/** How long a burst of events from one save may last; not a wait for anything a test checks. */
const SETTLE_MS = 20

export function watchFolder(dir: string, ignored: (path: string) => boolean, onChange: (paths: string[]) => Promise<void>): Watcher {
  const pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let running = false
  const flush = async (): Promise<void> => {
    timer = undefined
    if (running || pending.size === 0) return
    running = true
    const paths = [...pending].sort()
    pending.clear()
    try {
      await onChange(paths)
    } finally {
      running = false
      if (pending.size) schedule()
    }
  }
  const schedule = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), SETTLE_MS)
  }
  // Recursive fs.watch: inotify on Linux (Node ≥ 20), FSEvents on macOS, ReadDirectoryChangesW on Windows.
  const watcher = watch(dir, { recursive: true }, (_event, name) => {
    const path = name ? String(name).split(sep).join('/') : ''
    if (path && ignored(path)) return
    pending.add(path)
    schedule()
  })
  return {
    close: () => {
      clearTimeout(timer)
      watcher.close()
    },
  }
}

/** What a course build never reads: hidden files, node_modules, and the output folder when it sits inside. */
export function courseIgnore(dir: string, out: string): (path: string) => boolean {
  const outInside = relative(dir, out).split(sep).join('/')
  const inside = outInside && !outInside.startsWith('..') ? `${outInside}/` : undefined
  return (path) => path.split('/').some((part) => part.startsWith('.') || part === 'node_modules') || (inside !== undefined && `${path}/`.startsWith(inside))
}
