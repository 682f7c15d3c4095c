/**
 * The text of a PDF, read with Mozilla's pdf.js (npm pdfjs-dist, legacy build for Node): lines
 * end with "\n" and each sheet with "\f", as `pdftotext` lays them out, so that tests can check
 * what a printed page says and where each sheet starts.
 */
import { readFile } from 'node:fs/promises'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export async function pdfText(file: string): Promise<string> {
  const data = new Uint8Array(await readFile(file))
  const pdf = await getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const sheets: string[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items) {
        if (!('str' in item)) continue
        text += item.str
        if (item.hasEOL) text += '\n'
      }
      sheets.push(text)
      page.cleanup()
    }
    return sheets.join('\f')
  } finally {
    await pdf.destroy()
  }
}
