/** Exit codes, in one table (sysexits' 70 for our own bugs). */
export const EXIT = {
  ok: 0,
  courseErrors: 1,
  usage: 2,
  bug: 70,
} as const
