// HTML of the host page (the test LMS's player.php). The API must exist before the SCO
// loads, so scorm-again and the host script run synchronously, then insert the SCO.

import type { HostConfig } from './types.js'

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** JSON safe to inline in a <script> element. */
const inlineJson = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, ' ')

export function launchPage(cfg: HostConfig): string {
  const vendor = cfg.version === 'scorm12' ? '/vendor/scorm12.js' : '/vendor/scorm2004.js'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Test LMS — ${escapeHtml(cfg.title)}</title>
<style>body{margin:0;font-family:sans-serif}header{padding:4px 8px;font-size:12px;color:#555}</style>
</head>
<body>
<header>parcours test LMS · ${escapeHtml(cfg.pkg)} · ${escapeHtml(cfg.sco)} · ${escapeHtml(cfg.learner)} · ${cfg.version} · session ${cfg.session}</header>
<script src="${vendor}"></script>
<script>window.__LMS_CONFIG__ = ${inlineJson(cfg)};</script>
<script src="/host.js"></script>
</body>
</html>
`
}

export function errorPage(status: number, message: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS error ${status}</title></head>` +
    `<body><h1>Error ${status}</h1><p id="error">${escapeHtml(message)}</p></body></html>`
  )
}
