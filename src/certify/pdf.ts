/**
 * The paper copy: one A4 page in French, with pdf-lib and the standard Helvetica fonts (WinAnsi:
 * é è à ç œ Œ « » ’ — …; not embedded, which keeps a PDF at ~10 KB and ~5 ms). It prints what an
 * inspector compares (name, parcours, objectives, duration, dates, result, issuer, signatory,
 * attestation id) and a QR code with the signed token over exactly those fields. The signed JSON
 * and the token are attached (PDF embedded files), so a dropped PDF verifies like the JSON.
 * Deterministic: fixed creation/modification dates from --date, no /ID, metadata not updated.
 */
import encodeQR from 'qr'
import { AFRelationship, PDFDocument, PDFFont, StandardFonts, rgb, pushGraphicsState, popGraphicsState, setFillingGrayscaleColor, rectangle, fill, type PDFPage } from 'pdf-lib'
import { frenchDate, frenchDuration, type Attestation } from './attestation.js'
import { utf8 } from './crypto/encoding.js'

export interface PdfContext {
  title: string
  wording: string
  objectives: string[]
  issuerName: string
  issuerAddress: string
  signatoryRole: string
  signatoryName?: string
  token: string
  credentialJson: string
}

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = 56
const INK = rgb(0.1, 0.1, 0.12)
const MUTED = rgb(0.33, 0.33, 0.38)
const ACCENT = rgb(0, 0.31, 0.56)
const MM = 72 / 25.4

/** True when the standard fonts (WinAnsi) can print the text. */
export function printable(text: string): boolean {
  return winAnsi.test(text)
}
// WinAnsi (CP1252) printable repertoire: Latin-1 plus the CP1252 extras (Œ œ Š š Ž ž Ÿ ƒ ˆ ˜ ‚ „ … † ‡ ‰ ‹ › ‘ ’ “ ” • – — ™ €).
const winAnsi =
  /^[\u0020-\u007e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]*$/

interface Fonts {
  regular: PDFFont
  bold: PDFFont
  italic: PDFFont
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  return lines
}

/** Centred lines; returns the y below them. */
function centred(page: PDFPage, lines: string[], y: number, font: PDFFont, size: number, color = INK, leading = 1.3): number {
  for (const line of lines) {
    page.drawText(line, { x: (A4.width - font.widthOfTextAtSize(line, size)) / 2, y, size, font, color })
    y -= size * leading
  }
  return y
}

/** The largest size ≤ max at which the text holds on at most two lines (a 104-character name fits). */
function fitted(text: string, font: PDFFont, max: number, width: number): { size: number; lines: string[] } {
  for (let size = max; size > 10; size -= 1) {
    const lines = wrap(text, font, size, width)
    if (lines.length <= (size > 20 ? 1 : 2) && lines.every((l) => font.widthOfTextAtSize(l, size) <= width)) return { size, lines }
  }
  return { size: 10, lines: wrap(text, font, 10, width) }
}

function drawQr(page: PDFPage, token: string, x: number, y: number, size: number): void {
  // Error correction M, mask chosen by the library's penalty rules; `raw` is rows of booleans with a
  // one-module border (the library's minimum), which the quiet zone around the code already gives.
  const rows = encodeQR(token, 'raw', { ecc: 'medium', border: 1 })
    .slice(1, -1)
    .map((row) => row.slice(1, -1))
  const n = rows.length
  const cell = size / n
  const ops = [pushGraphicsState(), setFillingGrayscaleColor(0)]
  // One rectangle per horizontal run of dark modules: 5× fewer operators than one per module.
  for (let r = 0; r < n; r++) {
    const row = rows[r]!
    let c = 0
    while (c < n) {
      if (!row[c]) {
        c++
        continue
      }
      const start = c
      while (c < n && row[c]) c++
      ops.push(rectangle(x + start * cell, y + size - (r + 1) * cell, (c - start) * cell, cell))
    }
  }
  ops.push(fill(), popGraphicsState())
  page.pushOperators(...ops)
}

export async function renderPdf(a: Attestation, c: PdfContext): Promise<Uint8Array> {
  const date = new Date(`${a.issuedOn}T00:00:00Z`)
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.setTitle(`${c.title} — ${a.parcours}`)
  doc.setAuthor(c.issuerName)
  doc.setSubject(`Attestation ${a.id}`)
  doc.setCreator('parcours certify')
  doc.setProducer('parcours (pdf-lib)')
  doc.setLanguage('fr-FR')
  doc.setCreationDate(date)
  doc.setModificationDate(date)
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  }
  const page = doc.addPage([A4.width, A4.height])
  const width = A4.width - 2 * MARGIN
  let y = A4.height - MARGIN - 10

  page.drawText(c.issuerName, { x: MARGIN, y, size: 12, font: fonts.bold, color: ACCENT })
  y -= 15
  for (const line of wrap(c.issuerAddress, fonts.regular, 9.5, width)) {
    page.drawText(line, { x: MARGIN, y, size: 9.5, font: fonts.regular, color: MUTED })
    y -= 12
  }
  y -= 48
  y = centred(page, [c.title.toUpperCase()], y, fonts.bold, 22, ACCENT)
  page.drawLine({ start: { x: A4.width / 2 - 60, y: y + 8 }, end: { x: A4.width / 2 + 60, y: y + 8 }, thickness: 1.2, color: ACCENT })
  y -= 34
  y = centred(page, wrap(`${c.signatoryRole}, ${c.issuerName}, atteste que`, fonts.regular, 12, width), y, fonts.regular, 12)
  y -= 14
  const name = fitted(a.name, fonts.bold, 24, width)
  y = centred(page, name.lines, y, fonts.bold, name.size, INK, 1.25)
  y -= 12
  y = centred(page, wrap(c.wording, fonts.regular, 12, width), y, fonts.regular, 12)
  y -= 6
  y = centred(page, wrap(`« ${a.parcours} »`, fonts.bold, 15, width), y, fonts.bold, 15)
  y -= 16
  const facts = [
    `Durée : ${frenchDuration(a.durationMinutes)}`,
    a.startedOn && a.startedOn !== a.completedOn ? `Suivie du ${frenchDate(a.startedOn)} au ${frenchDate(a.completedOn)}` : `Achevée le ${frenchDate(a.completedOn)}`,
    `Résultat : ${a.result}`,
  ]
  y = centred(page, facts, y, fonts.regular, 12, INK, 1.45)
  if (c.objectives.length) {
    y -= 14
    page.drawText('Objectifs de la formation', { x: MARGIN, y, size: 11, font: fonts.bold, color: INK })
    y -= 16
    for (const objective of c.objectives) {
      const lines = wrap(objective, fonts.regular, 10.5, width - 14)
      lines.forEach((line, i) => {
        if (i === 0) page.drawText('•', { x: MARGIN + 2, y, size: 10.5, font: fonts.regular, color: INK })
        page.drawText(line, { x: MARGIN + 14, y, size: 10.5, font: fonts.regular, color: INK })
        y -= 14
      })
    }
  }
  y -= 24
  const signed = [`Fait le ${frenchDate(a.issuedOn)}`, c.signatoryRole, ...(c.signatoryName ? [c.signatoryName] : [])]
  for (const [i, line] of signed.entries()) {
    const font = i === 1 ? fonts.bold : fonts.regular
    page.drawText(line, { x: A4.width - MARGIN - font.widthOfTextAtSize(line, 11), y, size: 11, font, color: INK })
    y -= 15
  }

  // Foot: QR code (45 mm) and how to verify.
  const qrSize = 45 * MM
  const qrX = MARGIN
  const qrY = MARGIN
  drawQr(page, c.token, qrX, qrY, qrSize)
  const tx = qrX + qrSize + 16
  const tw = A4.width - MARGIN - tx
  let ty = qrY + qrSize - 10
  page.drawText('Attestation n°', { x: tx, y: ty, size: 9, font: fonts.bold, color: INK })
  ty -= 12
  page.drawText(a.id.replace(/^urn:uuid:/, ''), { x: tx, y: ty, size: 9, font: fonts.regular, color: INK })
  ty -= 18
  const help =
    'Document signé électroniquement. Pour le vérifier, hors ligne : ouvrez le vérificateur de l’émetteur (verifier.html) et scannez ce code, collez son texte, ou déposez ce PDF ou le fichier .json joint. Le vérificateur affiche le nom, la formation, les dates et le statut de révocation.'
  for (const line of wrap(help, fonts.italic, 8.5, tw)) {
    page.drawText(line, { x: tx, y: ty, size: 8.5, font: fonts.italic, color: MUTED })
    ty -= 11
  }

  const attach = { creationDate: date, modificationDate: date, afRelationship: AFRelationship.Source }
  await doc.attach(utf8(c.credentialJson), 'attestation.json', { ...attach, mimeType: 'application/json', description: 'Attestation signée (Open Badges 3.0, eddsa-jcs-2022)' })
  await doc.attach(utf8(c.token), 'qr-token.txt', { ...attach, mimeType: 'text/plain', description: 'Texte du QR code (jeton signé)' })
  return doc.save({ useObjectStreams: false })
}
