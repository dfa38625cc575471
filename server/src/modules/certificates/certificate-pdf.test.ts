import { describe, expect, it } from 'vitest'
import { pdfQrCodes, pdfText } from '../../../test/pdf'
import { renderCertificatePdf, type CertificateDocument } from './certificate-pdf'

/** The PDF as a reader sees it: its text (Chinese included) and its QR code, decoded from the image. */
const doc: CertificateDocument = {
  number: 'YS2026A1B2C3D4E5',
  title: '食品经营许可证',
  holderName: '大连海韵餐饮有限公司',
  holderUscc: '91210200MA0QC3XX1A',
  issuer: '大连市市场监督管理局',
  issuedOn: '2026-03-01',
  validUntil: '2031-02-28',
  keyId: '0123456789abcdef',
}
const payload = `${'eyJob2xkZXIiOiLlpKfov57mtbfpn7XppJDppa7mnInpmZDlhazlj7giLCJpc3N1ZWQiOiIyMDI2LTAzLTAxIn0'.repeat(5)}.MEUCIQDx`
const url = `https://yst.example.gov.cn/certificates/verify?p=${payload}`

describe('certificate PDF', () => {
  it('carries the Chinese title, holder and fields as text, with an embedded subset font', async () => {
    const bytes = await renderCertificatePdf(doc, url)
    const text = await pdfText(bytes)
    for (const expected of [
      '食品经营许可证',
      '大连海韵餐饮有限公司',
      '91210200MA0QC3XX1A',
      '大连市市场监督管理局',
      '有效期至',
      '2031-02-28',
      'YS2026A1B2C3D4E5',
      'Valid until',
    ])
      expect(text).toContain(expected)
    // Subset: two weights of a 1.5 MB font, yet the whole document stays small.
    expect(bytes.length).toBeLessThan(200_000)
  })

  it('has a QR code that decodes to the verify URL with the signed payload', async () => {
    const codes = await pdfQrCodes(await renderCertificatePdf(doc, url))
    expect(codes).toEqual([url])
  })

  it('cuts a name too long for the line instead of running off the page', async () => {
    const long = { ...doc, holderName: '大连'.repeat(40) + '有限公司' }
    const text = await pdfText(await renderCertificatePdf(long, url))
    expect(text).toContain('…')
  })
})
