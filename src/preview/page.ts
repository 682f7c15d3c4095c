/**
 * The preview page: the LMS player (an iframe on /launch, which holds the SCO) beside an
 * inspector. Its words are here in both languages; its behaviour is client/main.ts.
 */
import type { Lang } from '../shared/sco-data.js'

export const PREVIEW_TEXTS = {
  fr: {
    title: 'Aperçu parcours',
    sco: 'SCO',
    newAttempt: 'Nouvelle tentative',
    relaunch: 'Quitter et revenir',
    review: 'Mode relecture',
    failCommit: 'Faire échouer le prochain enregistrement',
    phone: 'Largeur téléphone',
    reset: 'Effacer la progression',
    keep: 'Garder la progression à chaque modification',
    inspector: 'Inspecteur du LMS',
    cmi: 'Valeurs CMI',
    state: 'Progression (suspend_data)',
    interactions: 'Interactions (rapport Moodle)',
    calls: 'Appels à l’API',
    violations: 'Refus du LMS',
    warnings: 'Avertissements',
    errorsTitle: 'La formation ne compile pas : corrigez ces erreurs, l’aperçu se met à jour à l’enregistrement.',
    building: 'Compilation…',
    built: 'Compilée en {ms} ms',
    none: 'aucun',
    size: '{size} caractères sur {limit}',
    pagesSeen: 'Pages vues : {seen} / {total}',
    answer: 'réponse',
    correct: 'juste',
    partial: 'en partie juste',
    wrong: 'fausse',
    checked: 'vérifiée',
    attempt: 'tentative {attempt}',
    submitted: 'envoyée',
    points: '{points} / {total} points',
    time: 'Temps cumulé : {time}',
    notices: 'À noter : {notices}',
    updated: 'Enregistrée par une autre version de la formation : l’apprenant sera averti de la mise à jour.',
    attempts: 'Tentatives enregistrées : {n}',
    sent: '{n} appels',
    commitFailed: 'échec',
    disconnected: 'Connexion à parcours preview perdue : relancez la commande.',
  },
  en: {
    title: 'parcours preview',
    sco: 'SCO',
    newAttempt: 'New attempt',
    relaunch: 'Leave and come back',
    review: 'Review mode',
    failCommit: 'Fail the next commit',
    phone: 'Phone width',
    reset: 'Reset progress',
    keep: 'Keep progress on every change',
    inspector: 'LMS inspector',
    cmi: 'CMI values',
    state: 'Progress (suspend_data)',
    interactions: 'Interactions (Moodle report)',
    calls: 'API calls',
    violations: 'Refused by the LMS',
    warnings: 'Warnings',
    errorsTitle: 'The course does not compile: fix these errors, the preview updates when you save.',
    building: 'Compiling…',
    built: 'Compiled in {ms} ms',
    none: 'none',
    size: '{size} characters of {limit}',
    pagesSeen: 'Pages seen: {seen} / {total}',
    answer: 'answer',
    correct: 'right',
    partial: 'partly right',
    wrong: 'wrong',
    checked: 'checked',
    attempt: 'attempt {attempt}',
    submitted: 'submitted',
    points: '{points} / {total} points',
    time: 'Total time: {time}',
    notices: 'Note: {notices}',
    updated: 'Saved by another version of the course: the learner will be told it was updated.',
    attempts: 'Attempts stored: {n}',
    sent: '{n} calls',
    commitFailed: 'failed',
    disconnected: 'Lost the connection to parcours preview: run the command again.',
  },
} satisfies Record<Lang, Record<string, string>>

export type PreviewTexts = (typeof PREVIEW_TEXTS)['fr']

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#1a1a1a;background:#f4f5f7;display:flex;flex-direction:column;height:100vh}
header{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:6px 10px;background:#fff;border-bottom:1px solid #d0d4da}
header h1{font-size:15px;margin:0 10px 0 0}header button,header select{font:inherit;padding:3px 8px}
header button[aria-pressed=true]{background:#00508f;color:#fff}
#pv-status{margin-left:auto;color:#555}
main{flex:1;display:flex;min-height:0}
#pv-stage{flex:1;position:relative;display:flex;justify-content:center;background:#e9ebee;min-width:0}
#pv-lms{border:0;width:100%;height:100%;background:#fff}
body.pv-phone #pv-lms{width:360px;border-left:1px solid #bbb;border-right:1px solid #bbb}
#pv-overlay{position:absolute;inset:0;background:rgba(255,255,255,.97);padding:24px;overflow:auto;border:4px solid #b00020}
#pv-overlay h2{color:#b00020;font-size:16px;margin-top:0}
pre{white-space:pre-wrap;word-break:break-word;font:12px/1.4 ui-monospace,monospace;margin:0 0 10px}
aside{width:min(460px,45vw);overflow:auto;background:#fff;border-left:1px solid #d0d4da;padding:8px 12px}
aside h2{font-size:15px;margin:4px 0}aside h3{font-size:13px;margin:12px 0 4px;border-bottom:1px solid #e0e0e0}
table{border-collapse:collapse;width:100%;font-size:12px}td,th{border-bottom:1px solid #eee;padding:2px 4px;text-align:left;vertical-align:top;word-break:break-all}
.pv-err{color:#b00020}.pv-ok{color:#0a6b2d}.pv-warn{color:#7a4d00}ol,ul{margin:0;padding-left:20px}
#pv-calls{max-height:260px;overflow:auto}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
`

export function previewPage(lang: Lang, ids: { package: string; learner: string }): string {
  const t = PREVIEW_TEXTS[lang]
  const config = JSON.stringify({ lang, texts: t, ...ids }).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.title}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${t.title}</h1>
<label>${t.sco} <select id="pv-sco"></select></label>
<button type="button" id="pv-new-attempt">${t.newAttempt}</button>
<button type="button" id="pv-relaunch">${t.relaunch}</button>
<button type="button" id="pv-review" aria-pressed="false">${t.review}</button>
<button type="button" id="pv-fail">${t.failCommit}</button>
<button type="button" id="pv-phone" aria-pressed="false">${t.phone}</button>
<button type="button" id="pv-reset">${t.reset}</button>
<label><input type="checkbox" id="pv-keep" checked> ${t.keep}</label>
<span id="pv-status" role="status"></span>
</header>
<main>
<div id="pv-stage">
<iframe id="pv-lms" title="LMS"></iframe>
<div id="pv-overlay" role="alert" hidden><h2>${t.errorsTitle}</h2><div id="pv-errors"></div></div>
</div>
<aside aria-labelledby="pv-inspector-title">
<h2 id="pv-inspector-title">${t.inspector}</h2>
<div id="pv-warnings"></div>
<h3>${t.cmi}</h3><div id="pv-cmi"></div>
<h3>${t.state}</h3><div id="pv-state"></div>
<h3>${t.interactions}</h3><div id="pv-interactions"></div>
<h3>${t.violations}</h3><div id="pv-violations"></div>
<h3>${t.calls}</h3><div id="pv-calls"></div>
</aside>
</main>
<script>window.__PREVIEW__ = ${config};</script>
<script src="/preview/client.js"></script>
</body>
</html>
`
}
