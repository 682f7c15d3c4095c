/**
 * Exit codes, in one table: what `main()` returns, what `--help` documents, what bin/parcours.js
 * sets. 70 is sysexits' EX_SOFTWARE, for our own bugs.
 */
import type { Lang } from '../shared/sco-data.js'

export const EXIT = {
  ok: 0,
  courseErrors: 1,
  usage: 2,
  bug: 70,
  /** Stopped by Ctrl-C (128 + SIGINT), as shells report it. */
  interrupted: 130,
} as const

export const EXIT_MEANING: Record<Lang, Record<keyof typeof EXIT, string>> = {
  fr: { ok: 'succès', courseErrors: 'erreurs dans la formation', usage: 'commande, option ou dossier invalide', bug: 'anomalie de parcours', interrupted: 'interrompu (Ctrl-C)' },
  en: { ok: 'success', courseErrors: 'errors in the course', usage: 'invalid command, option or folder', bug: 'parcours bug', interrupted: 'interrupted (Ctrl-C)' },
}
