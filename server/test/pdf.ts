import zlib from 'node:zlib'
import jsQR from 'jsqr'
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** Reading a PDF as a person would: its text (pdf.js) and the QR codes of its images (jsQR). */

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const loaded = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false })
    .promise
  const page = await loaded.getPage(1)
  const content = await page.getTextContent()
  await loaded.destroy()
  return content.items.map((item) => ('str' in item ? item.str : '')).join('\n')
}

/** Every image of the PDF decoded back to RGBA (pdf-lib stores a PNG as Flate-compressed RGB). */
export async function pdfQrCodes(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes)
  const found: string[] = []
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue
    const dict: PDFDict = object.dict
    if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue
    if (dict.get(PDFName.of('ColorSpace')) !== PDFName.of('DeviceRGB')) continue
    const width = (dict.get(PDFName.of('Width')) as PDFNumber).asNumber()
    const height = (dict.get(PDFName.of('Height')) as PDFNumber).asNumber()
    const rgb = zlib.inflateSync(object.contents)
    const rgba = new Uint8ClampedArray(width * height * 4)
    for (let i = 0; i < width * height; i++) {
      rgba.set(rgb.subarray(i * 3, i * 3 + 3), i * 4)
      rgba[i * 4 + 3] = 255
    }
    const code = jsQR(rgba, width, height)
    if (code) found.push(code.data)
  }
  return found
}
