import fs from 'node:fs'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import { PDFArray, PDFDict, PDFDocument, PDFName, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import QRCode from 'qrcode'
// subset-font ships no types: its declaration, imported so it follows this file into every project.
import './subset-font.types'
import subsetFont from 'subset-font'
import { translate } from '../../kernel/i18n'
import './certificates.messages'
import { woffToSfnt } from './woff-to-sfnt'

/**
 * The certificate as a PDF (decision 0048): an A4 page with the signed fields in Chinese and English
 * and the QR code that leads to the verify page with the signed payload. Pure: no database, no clock.
 *
 * The font is Noto Sans SC (SIL OFL 1.1) from the npm package @fontsource/noto-sans-sc — its
 * "chinese-simplified" WOFF covers the ~7,900 characters of GB 2312 and Latin — so the server needs
 * no system fonts; it is embedded as a subset (only the glyphs used), which keeps a PDF near 40 KB.
 */
export type CertificateDocument = {
  number: string
  title: string
  holderName: string
  holderUscc: string
  issuer: string
  issuedOn: string
  validUntil: string
  keyId: string
}

const require = createRequire(import.meta.url)
const FONT_FILES = {
  regular: '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
  bold: '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff',
} as const
const fontBytes = new Map<keyof typeof FONT_FILES, Buffer>()

/** The font file, read and unpacked once per process (hb-subset reads TrueType without converting). */
function fontFile(weight: keyof typeof FONT_FILES): Buffer {
  let bytes = fontBytes.get(weight)
  if (!bytes) {
    bytes = woffToSfnt(fs.readFileSync(require.resolve(FONT_FILES[weight])))
    fontBytes.set(weight, bytes)
  }
  return bytes
}

/**
 * Only the glyphs of these characters, cut by HarfBuzz (subset-font), embedded whole: a few KB.
 * pdf-lib's own subsetting (@pdf-lib/fontkit) drops glyphs of this font (the text extracts but half
 * the characters do not draw), and for a font embedded whole it writes the glyph widths as if the
 * glyphs used were numbered 0, 1, 2 …, which spaces the text wrongly — so the widths of every glyph
 * of the small font are written again once the page is drawn (fixWidths). The layout tables are
 * dropped: with them a digit next to a Latin letter takes an alternate glyph that no character maps
 * back to, and the PDF's text (search, copy, screen readers) loses it; one glyph per character, no
 * ligatures, is what a certificate needs.
 */
async function embedSubset(pdf: PDFDocument, weight: keyof typeof FONT_FILES, text: string) {
  const characters = [...new Set(text)].join('')
  const bytes = await subsetFont(fontFile(weight), characters, {
    targetFormat: 'sfnt',
    dropTables: ['GSUB', 'GPOS', 'GDEF'],
  })
  const font = await pdf.embedFont(bytes, { subset: false })
  return { font, bytes }
}

async function fixWidths(pdf: PDFDocument, embedded: { font: PDFFont; bytes: Buffer }[]) {
  await pdf.flush()
  for (const { font, bytes } of embedded) {
    const parsed = fontkit.create(bytes)
    const widths = Array.from({ length: parsed.numGlyphs }, (_, id) =>
      Math.round((parsed.getGlyph(id).advanceWidth * 1000) / parsed.unitsPerEm),
    )
    const type0 = pdf.context.lookup(font.ref, PDFDict)
    const cidFont = pdf.context.lookup(type0.lookup(PDFName.of('DescendantFonts'), PDFArray).get(0), PDFDict)
    cidFont.set(PDFName.of('W'), pdf.context.obj([0, widths]))
  }
}

const INK = rgb(0.13, 0.13, 0.13)
const MUTED = rgb(0.42, 0.42, 0.42)
const ACCENT = rgb(0.66, 0.11, 0.11)
const A4: [number, number] = [595.28, 841.89]
const MARGIN = 56

/** Each printed field: its label key (both languages are printed) and its value. */
const ROWS = [
  ['holder', (d: CertificateDocument) => d.holderName],
  ['uscc', (d: CertificateDocument) => d.holderUscc],
  ['number', (d: CertificateDocument) => d.number],
  ['issuer', (d: CertificateDocument) => d.issuer],
  ['issuedOn', (d: CertificateDocument) => d.issuedOn],
  ['validUntil', (d: CertificateDocument) => d.validUntil],
] as const

const label = (key: string, locale: 'zh-CN' | 'en') => translate(`certificates.pdf.${key}`, undefined, locale)

export async function renderCertificatePdf(doc: CertificateDocument, verifyUrl: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  pdf.setTitle(`${doc.title} ${doc.number}`)
  pdf.setSubject(label('subject', 'zh-CN'))
  pdf.setProducer('Yingshang')
  pdf.setCreator('Yingshang')
  // A fixed date: the same certificate renders to the same bytes (and no wall clock is read).
  pdf.setCreationDate(new Date(`${doc.issuedOn}T00:00:00+08:00`))
  pdf.setModificationDate(new Date(`${doc.issuedOn}T00:00:00+08:00`))
  const values = ROWS.map(([, value]) => value(doc)).join('')
  const both = (key: string) => label(key, 'zh-CN') + label(key, 'en')
  const regularFont = await embedSubset(
    pdf,
    'regular',
    `${values}${ROWS.map(([key]) => label(key, 'en')).join('')}${both('heading')}${both('scan')}` +
      `${label('signature', 'zh-CN')}${label('keyId', 'zh-CN')}${doc.keyId} ·…`,
  )
  const boldFont = await embedSubset(
    pdf,
    'bold',
    `${doc.title}${both('heading')}${ROWS.map(([k]) => label(k, 'zh-CN')).join('')}…`,
  )
  const [regular, bold] = [regularFont.font, boldFont.font]
  const page = pdf.addPage(A4)
  const [width, height] = A4

  page.drawRectangle({
    x: MARGIN / 2,
    y: MARGIN / 2,
    width: width - MARGIN,
    height: height - MARGIN,
    borderColor: ACCENT,
    borderWidth: 2,
  })
  let y = height - MARGIN - 40
  centered(page, label('heading', 'zh-CN'), bold, 16, y, ACCENT)
  y -= 20
  centered(page, label('heading', 'en'), regular, 10, y, MUTED)
  y -= 56
  centered(page, fitted(doc.title, bold, 30, width - 2 * MARGIN), bold, 30, y, INK)
  y -= 56

  for (const [key, value] of ROWS) {
    page.drawText(label(key, 'zh-CN'), { x: MARGIN + 10, y, size: 13, font: bold, color: INK })
    page.drawText(label(key, 'en'), { x: MARGIN + 10, y: y - 14, size: 8, font: regular, color: MUTED })
    const text = fitted(value(doc), regular, 14, width - 2 * MARGIN - 150)
    page.drawText(text, { x: MARGIN + 150, y: y - 2, size: 14, font: regular, color: INK })
    y -= 44
  }

  const qrSize = 170
  const qr = await pdf.embedPng(await qrPng(verifyUrl))
  const qrY = MARGIN + 70
  page.drawImage(qr, { x: (width - qrSize) / 2, y: qrY, width: qrSize, height: qrSize })
  centered(page, label('scan', 'zh-CN'), regular, 10, qrY - 14, INK)
  centered(page, label('scan', 'en'), regular, 8, qrY - 27, MUTED)
  centered(
    page,
    `${label('signature', 'zh-CN')} · ${label('keyId', 'zh-CN')} ${doc.keyId}`,
    regular,
    8,
    MARGIN,
    MUTED,
  )
  await fixWidths(pdf, [regularFont, boldFont])
  return pdf.save()
}

/** The QR of the verify URL as a PNG, sized so each module is whole pixels (sharp when scaled). */
export function qrPng(verifyUrl: string): Promise<Buffer> {
  return QRCode.toBuffer(verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 })
}

/** The same QR as SVG, for the web page. */
export function qrSvg(verifyUrl: string): Promise<string> {
  return QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}

function centered(page: PDFPage, text: string, font: PDFFont, size: number, y: number, color = INK) {
  const x = (page.getWidth() - font.widthOfTextAtSize(text, size)) / 2
  page.drawText(text, { x, y, size, font, color })
}

/** Long names are cut with an ellipsis rather than run off the page. */
function fitted(text: string, font: PDFFont, size: number, room: number): string {
  if (font.widthOfTextAtSize(text, size) <= room) return text
  let cut = [...text]
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut.join('')}…`, size) > room) cut = cut.slice(0, -1)
  return `${cut.join('')}…`
}
