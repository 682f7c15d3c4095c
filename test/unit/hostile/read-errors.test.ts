/**
 * Files the system refuses to give: an unreadable module (EACCES), too many open files (EMFILE).
 * Tests run as root on some machines, where permissions cannot make a file unreadable, so
 * `open` is made to fail for the named files instead.
 */
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { buildCourse, expectRefused, hostileCourse } from './hostile-course.js'

const failing = new Map<string, string>()

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  const open: typeof actual.open = async (path, ...rest) => {
    const code = failing.get(String(path))
    if (code) throw Object.assign(new Error(`${code}: open '${String(path)}'`), { code })
    return actual.open(path, ...rest)
  }
  const opendir: typeof actual.opendir = async (path, ...rest) => {
    const code = failing.get(String(path).replace(/\/$/, ''))
    if (code) throw Object.assign(new Error(`${code}: opendir '${String(path)}'`), { code })
    return actual.opendir(path, ...rest)
  }
  return { ...actual, default: { ...actual, open, opendir }, open, opendir }
})

describe('files the system will not read', () => {
  it.each(['EACCES', 'EMFILE', 'EIO'])('a listed module that fails with %s: read/unreadable-file with its path and the reason, exit 1, nothing written', async (code) => {
    const dir = hostileCourse()
    failing.set(join(dir, '01-module.md'), code)
    try {
      const built = await buildCourse(dir)
      expectRefused(built, 'read/unreadable-file')
      expect(built.codes).toEqual(['read/unreadable-file'])
      expect(built.stderr).toContain(`01-module.md: erreur [read/unreadable-file] Fichier illisible (${code}).`)
    } finally {
      failing.clear()
    }
  })

  it('an unreadable course.yml: read/unreadable-file, not "no course.yml"', async () => {
    const dir = hostileCourse()
    failing.set(join(dir, 'course.yml'), 'EACCES')
    try {
      const built = await buildCourse(dir)
      expectRefused(built, 'read/unreadable-file')
      expect(built.codes).toEqual(['read/unreadable-file'])
    } finally {
      failing.clear()
    }
  })

  it('an unreadable sub-folder is a warning (its files are ignored); the build goes on', async () => {
    const dir = hostileCourse({ 'archives/vieux.md': '# vieux' })
    failing.set(join(dir, 'archives'), 'EACCES')
    try {
      const built = await buildCourse(dir)
      expect(built.status, built.stderr).toBe(0)
      expect(built.stderr).toContain('archives: avertissement [read/unreadable-folder] Dossier illisible (EACCES)')
    } finally {
      failing.clear()
    }
  })

  it('an unreadable course folder: an error, exit 1', async () => {
    const dir = hostileCourse()
    failing.set(dir, 'EACCES')
    try {
      expectRefused(await buildCourse(dir), 'read/unreadable-folder')
    } finally {
      failing.clear()
    }
  })
})
