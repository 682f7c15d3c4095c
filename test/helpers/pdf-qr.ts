/**
 * The QR code printed on an attestation, read back from the PDF's own drawing: the page's
 * operators (pdf.js, as the tests read the text) give the filled rectangles; they are rasterised
 * into a bitmap with a white quiet zone and decoded by an independent QR decoder (npm qr's
 * decode.js, which scans camera frames). What this reads is what a phone reads on paper: the
 * geometry, the orientation and the modules as drawn, not the token attached beside them.
 */
import { readFile } from 'node:fs/promises'
import decodeQR from 'qr/decode.js'
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** Pixels per PDF point: a 45 mm code (≈ 128 pt, 41–53 modules) gets ≥ 7 pixels per module. */
const SCALE = 3

export async function readPrintedQr(file: string): Promise<string> {
  const data = new Uint8Array(await readFile(file))
  const pdf = await getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const page = await pdf.getPage(1)
    const { fnArray, argsArray } = await page.getOperatorList()
    const rects: [number, number, number, number][] = []
    fnArray.forEach((fn, i) => {
      if (fn !== OPS.constructPath) return
      const [ops, args] = argsArray[i] as [number[], number[]]
      let k = 0
      for (const op of ops) {
        if (op === OPS.rectangle) rects.push([args[k]!, args[k + 1]!, args[k + 2]!, args[k + 3]!])
        k += op === OPS.rectangle ? 4 : op === OPS.moveTo || op === OPS.lineTo ? 2 : op === OPS.curveTo ? 6 : op === OPS.curveTo2 || op === OPS.curveTo3 ? 4 : 0
      }
    })
    // The code is the one square block of small rectangles on the page: the bounding box of the
    // rectangles whose height is at most a few points (table rules are long and thin, but not many).
    const modules = rects.filter(([, , w, h]) => h > 0.5 && h < 6 && w > 0.5)
    if (modules.length < 50) throw new Error(`no QR code drawn on the page (${modules.length} small rectangles)`)
    const minX = Math.min(...modules.map((r) => r[0]))
    const minY = Math.min(...modules.map((r) => r[1]))
    const maxX = Math.max(...modules.map((r) => r[0] + r[2]))
    const maxY = Math.max(...modules.map((r) => r[1] + r[3]))
    const quiet = 12 // points of white around the code
    const width = Math.ceil((maxX - minX + 2 * quiet) * SCALE)
    const height = Math.ceil((maxY - minY + 2 * quiet) * SCALE)
    const rgba = new Uint8Array(width * height * 4).fill(255)
    for (const [x, y, w, h] of modules) {
      // PDF y goes up; image rows go down.
      const x0 = Math.round((x - minX + quiet) * SCALE)
      const x1 = Math.round((x + w - minX + quiet) * SCALE)
      const y0 = Math.round((maxY - (y + h) + quiet) * SCALE)
      const y1 = Math.round((maxY - y + quiet) * SCALE)
      for (let row = y0; row < y1; row++)
        for (let col = x0; col < x1; col++) {
          const p = (row * width + col) * 4
          rgba[p] = rgba[p + 1] = rgba[p + 2] = 0
        }
    }
    return decodeQR({ width, height, data: rgba })
  } finally {
    await pdf.destroy()
  }
}
