/**
 * verifier.html: one self-contained file for the inspector. The trust list (issuer profiles) and
 * the signed status lists are embedded as JSON data blocks; the script and the style are inline
 * and allowed by hash in a Content-Security-Policy that forbids any network access
 * (default-src 'none', no connect-src, form-action 'none'). French, RGAA-minded: labelled
 * controls, a live result region that takes the focus, visible focus, 320 px, reduced motion,
 * print. No Node API except hashing (given by the caller).
 */

export interface VerifierInput {
  script: string
  profiles: { name: string; json: unknown }[]
  lists: { name: string; json: unknown }[]
  /** For the page's header: who is trusted, as of which list date. */
  issuers: { name: string; fingerprint: string; validFrom: string; validUntil: string }[]
  statusDates: string[]
  sha256base64: (text: string) => string
}

const CSS = `
:root{color-scheme:light dark;--ink:#161616;--bg:#fff;--muted:#3a3a3a;--ok:#18753c;--ko:#ce0500;--accent:#000091;--line:#929292}
@media (prefers-color-scheme:dark){:root{--ink:#eee;--bg:#161616;--muted:#cecece;--ok:#3fd07a;--ko:#ff8d8a;--accent:#8585f6;--line:#777}}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
p,li{max-width:40rem}
.small{color:var(--muted);font-size:.9rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.alert{border-left:.3rem solid var(--ko);padding:.5rem 1rem}
#drop{border:2px dashed var(--line);border-radius:.5rem;padding:1rem}
#drop.over{border-color:var(--accent)}
label{display:block;font-weight:600;margin-bottom:.25rem}
input[type=file],textarea{width:100%;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:.25rem;padding:.5rem}
textarea{min-height:6rem;font-family:ui-monospace,monospace;font-size:.85rem}
button{font:inherit;font-weight:600;margin-top:.5rem;padding:.5rem 1rem;border-radius:.25rem;border:2px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.result{margin-top:1.5rem;padding:1rem;border-radius:.5rem;border:3px solid}
.result.valid{border-color:var(--ok)}
.result.invalid{border-color:var(--ko)}
.result h2{margin:0;font-size:2rem;letter-spacing:.05em}
.valid h2{color:var(--ok)}
.invalid h2{color:var(--ko)}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.25rem 1rem;margin:.75rem 0 0}
dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
#camera-view{display:block;width:100%;max-width:24rem;margin-top:.5rem;border:1px solid}#camera-view[hidden]{display:none}
@media print{#drop,#qr-form,button{display:none}.result{border-width:1px}}
`

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** JSON inside <script type="application/json">: `<` escaped so no `</script>` can close it. */
const dataBlock = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')

const dayFr = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-')
  return `${d}/${m}/${y}`
}

export function verifierHtml(o: VerifierInput): string {
  const script = o.script.replace(/<\/script/gi, '<\\/script')
  const csp = [
    `default-src 'none'`,
    `script-src 'sha256-${o.sha256base64(script)}'`,
    `style-src 'sha256-${o.sha256base64(CSS)}'`,
    `img-src data:`,
    `form-action 'none'`,
    `base-uri 'none'`,
  ].join('; ')
  const issuers = o.issuers
    .map(
      (i) =>
        `<li>${esc(i.name)} — empreinte de clé <code>${esc(i.fingerprint.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 '))}…</code>, valable du ${dayFr(i.validFrom)} au ${dayFr(i.validUntil)}</li>`,
    )
    .join('')
  const dates = o.statusDates.length ? o.statusDates.map(dayFr).join(', ') : '—'
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vérifier une attestation de formation</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Vérifier une attestation de formation</h1>
<p>Cette page fonctionne <strong>hors ligne</strong> : rien de ce que vous vérifiez ne quitte cet ordinateur.</p>
<h2>Émetteurs de confiance</h2>
<ul>${issuers}</ul>
<p class="small">Liste de révocation du ${dates}. Pour une liste à jour, téléchargez à nouveau ce vérificateur depuis le canal officiel de l’académie.</p>
<p id="trust-state" class="small" role="status">Chargement…</p>
<h2>Un fichier : attestation .json ou .pdf</h2>
<div id="drop">
<label for="file">Choisir le fichier (ou le glisser ici)</label>
<input id="file" type="file" accept=".json,.pdf,application/json,application/pdf">
</div>
<h2>Un QR code imprimé</h2>
<form id="qr-form">
<label for="qr">Texte du QR code (lu avec l’appareil photo ou un lecteur de QR codes, puis collé ici)</label>
<textarea id="qr" spellcheck="false" autocomplete="off" aria-describedby="qr-help"></textarea>
<p id="qr-help" class="small">Il commence par « PA1~ ».</p>
<button type="submit">Vérifier le QR code</button>
<button type="button" id="camera" hidden aria-controls="camera-view">Lire le QR code avec la caméra</button>
<video id="camera-view" hidden muted playsinline aria-label="Image de la caméra : présentez le QR code de l’attestation"></video>
<p id="camera-state" class="small" role="status"></p>
</form>
<div id="live" class="sr-only" role="status" aria-live="polite"></div>
<section id="result" class="result" hidden aria-labelledby="result-title">
<h2 id="result-title" tabindex="-1"></h2>
<p id="result-reason"></p>
<dl id="result-fields"></dl>
</section>
</main>
<script type="application/json" id="parcours-trust">${dataBlock({ profiles: o.profiles, lists: o.lists })}</script>
<script>${script}</script>
</body>
</html>
`
}
