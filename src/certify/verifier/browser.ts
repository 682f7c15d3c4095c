/**
 * The inspector's page script (bundled by esbuild into verifier.html, no network): reads the
 * embedded trust list and status lists, then verifies a dropped/chosen JSON or PDF, or a pasted
 * QR token, with the same code as `parcours certify verify`.
 */
import { ed25519Backend } from '../crypto/ed25519.js'
import { verdictLines } from '../verify/verdict-text.js'
import { loadTrust, verifyBytes, verifyToken, type Trust, type Verdict } from '../verify/verify.js'
import decodeQR from 'qr/decode.js'

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T

async function start(): Promise<void> {
  const data = JSON.parse($('parcours-trust').textContent ?? '{}') as { profiles: { name: string; json: unknown }[]; lists: { name: string; json: unknown }[] }
  const { trust, problems } = await loadTrust(data.profiles ?? [], data.lists ?? [])
  const state = $('trust-state')
  if (problems.length || !trust.keys.length) {
    state.textContent = `Ce vérificateur est inutilisable : ${problems.join(' ; ') || 'aucun émetteur de confiance'}. Demandez-en un nouveau à l’émetteur.`
    state.className = 'alert'
    return
  }
  state.textContent = `Vérification par ${(await ed25519Backend()) === 'webcrypto' ? 'le navigateur (WebCrypto)' : 'le module intégré (@noble/ed25519)'}.`
  wire(trust)
  document.body.dataset.ready = 'true'
}

function show(v: Verdict): void {
  const lines = verdictLines(v)
  const box = $('result')
  box.hidden = false
  box.className = lines.headline === 'VALIDE' ? 'result valid' : 'result invalid'
  const h = $('result-title')
  h.textContent = lines.headline === 'VALIDE' ? 'VALIDE' : 'INVALIDE'
  $('result-reason').textContent = lines.reason ?? 'Signature vérifiée. Comparez ces informations avec le document présenté et la personne.'
  const dl = $('result-fields')
  dl.replaceChildren()
  for (const [k, val] of lines.fields) {
    const dt = document.createElement('dt')
    dt.textContent = k
    const dd = document.createElement('dd')
    dd.textContent = val
    dl.append(dt, dd)
  }
  $('live').textContent = `${lines.headline} : ${
    lines.reason ??
    lines.fields
      .slice(0, 3)
      .map(([k, val]) => `${k} ${val}`)
      .join(', ')
  }`
  h.focus()
}

function wire(trust: Trust): void {
  const input = $<HTMLInputElement>('file')
  const zone = $('drop')
  const checkFile = async (file: File | undefined) => {
    if (!file) return
    show(await verifyBytes(new Uint8Array(await file.arrayBuffer()), trust))
  }
  input.addEventListener('change', () => void checkFile(input.files?.[0]))
  zone.addEventListener('dragover', (e) => {
    e.preventDefault()
    zone.classList.add('over')
  })
  zone.addEventListener('dragleave', () => zone.classList.remove('over'))
  zone.addEventListener('drop', (e) => {
    e.preventDefault()
    zone.classList.remove('over')
    void checkFile(e.dataTransfer?.files?.[0])
  })
  $('qr-form').addEventListener('submit', (e) => {
    e.preventDefault()
    const text = $<HTMLTextAreaElement>('qr').value
    void verifyToken(text, trust).then(show)
  })
  camera((token) => {
    $<HTMLTextAreaElement>('qr').value = token
    void verifyToken(token, trust).then(show)
  })
}

/**
 * The QR code read with the computer's or phone's camera, in this page (npm qr's decoder, made for
 * camera frames): the image never leaves the page, and the camera stops as soon as a code is read
 * or the button is pressed again. Offered only where the browser has a camera API.
 */
function camera(found: (token: string) => void): void {
  const button = $<HTMLButtonElement>('camera')
  const video = $<HTMLVideoElement>('camera-view')
  const state = $('camera-state')
  if (!navigator.mediaDevices?.getUserMedia) return
  button.hidden = false
  let stream: MediaStream | null = null
  let timer = 0
  const canvas = document.createElement('canvas')
  const stop = (): void => {
    window.clearInterval(timer)
    for (const track of stream?.getTracks() ?? []) track.stop()
    stream = null
    video.srcObject = null
    video.hidden = true
    button.textContent = 'Lire le QR code avec la caméra'
  }
  const scan = (): void => {
    if (!stream || video.readyState < 2 || !video.videoWidth) return
    canvas.width = video.videoWidth
    canvas.height = video.videoHeight
    const ctx = canvas.getContext('2d', { willReadFrequently: true })
    if (!ctx) return
    ctx.drawImage(video, 0, 0)
    let token: string
    try {
      token = decodeQR(ctx.getImageData(0, 0, canvas.width, canvas.height))
    } catch {
      return // no code in this frame yet
    }
    stop()
    state.textContent = 'QR code lu.'
    found(token)
  }
  button.addEventListener('click', () => {
    if (stream) {
      stop()
      state.textContent = 'Caméra arrêtée.'
      return
    }
    state.textContent = 'Ouverture de la caméra…'
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(
      (s) => {
        stream = s
        video.srcObject = s
        video.hidden = false
        void video.play()
        button.textContent = 'Arrêter la caméra'
        state.textContent = 'Présentez le QR code de l’attestation à la caméra.'
        timer = window.setInterval(scan, 150)
      },
      () => {
        state.textContent = 'La caméra n’est pas disponible : collez le texte du QR code ci-dessus.'
      },
    )
  })
}

void start()
