/** What the command line says, per language. Diagnostics have their own table (diagnostics.ts). */
import type { Lang } from '../shared/sco-data.js'

export const CLI_TEXTS = {
  fr: {
    help: `parcours — compile une formation Markdown en paquet SCORM pour Moodle

Usage :
  parcours build [dossier] [options]   compile le dossier (défaut : content) en zip SCORM

Options :
  --out <dossier>        dossier de sortie (défaut : dist)
  --format <format>      scorm12 (défaut), scorm2004 ou all
  --lang <fr|en>         langue des messages (défaut : fr)
  -h, --help             cette aide
  -v, --version          version de parcours

Codes de sortie : 0 succès, 1 erreurs dans la formation, 2 commande invalide, 70 anomalie de parcours.`,
    written: 'Paquet écrit : {path} ({size} Ko, {scos} SCO, {pages} pages, {questions} questions)',
    summary: '{errors} erreur(s), {warnings} avertissement(s) : aucun paquet écrit.',
    warnings: '{warnings} avertissement(s).',
    unknownCommand: 'Commande inconnue « {command} ». Essayez : parcours --help',
    badOption: 'Option invalide : {reason}. Essayez : parcours --help',
    badFormat: 'Format inconnu « {format} » : scorm12, scorm2004 ou all.',
    noDir: 'Dossier introuvable : {dir}',
    cannotWrite: 'Impossible d’écrire dans le dossier de sortie « {out} » ({reason}) : vérifiez que c’est un dossier et que vous pouvez y écrire. Aucun paquet écrit.',
    bug: 'Anomalie interne de parcours (ce n’est pas une erreur dans votre formation). Merci de la signaler avec le message ci-dessous :',
  },
  en: {
    help: `parcours — compiles a Markdown course into a SCORM package for Moodle

Usage:
  parcours build [folder] [options]    compile the folder (default: content) into a SCORM zip

Options:
  --out <folder>         output folder (default: dist)
  --format <format>      scorm12 (default), scorm2004 or all
  --lang <fr|en>         language of messages (default: fr)
  -h, --help             this help
  -v, --version          parcours version

Exit codes: 0 success, 1 errors in the course, 2 invalid command, 70 parcours bug.`,
    written: 'Package written: {path} ({size} KB, {scos} SCO, {pages} pages, {questions} questions)',
    summary: '{errors} error(s), {warnings} warning(s): no package written.',
    warnings: '{warnings} warning(s).',
    unknownCommand: 'Unknown command "{command}". Try: parcours --help',
    badOption: 'Invalid option: {reason}. Try: parcours --help',
    badFormat: 'Unknown format "{format}": scorm12, scorm2004 or all.',
    noDir: 'Folder not found: {dir}',
    cannotWrite: 'Cannot write to the output folder "{out}" ({reason}): check that it is a folder you can write to. No package written.',
    bug: 'Internal parcours bug (not a mistake in your course). Please report it with the message below:',
  },
} satisfies Record<Lang, Record<string, string>>

export function say(lang: Lang, key: keyof (typeof CLI_TEXTS)['fr'], params: Record<string, string | number> = {}): string {
  return CLI_TEXTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
