import { describe, expect, it } from 'vitest'
import { stripImageMetadata } from './image-metadata'

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))
const segment = (marker: number, payload: number[]) => [
  0xff,
  marker,
  (payload.length + 2) >> 8,
  (payload.length + 2) & 0xff,
  ...payload,
]
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'latin1'))

/** A little-endian EXIF block: orientation, and a GPS pointer with a marker text in it. */
function exif(orientation: number) {
  // prettier-ignore
  return [
    ...ascii('Exif'), 0, 0,
    0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, // "II", 42, IFD0 at 8
    2, 0, // two entries
    0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, // Orientation
    0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0, // GPSInfo pointer
    0, 0, 0, 0,
    ...ascii('GPS 38.914N 121.614E iPhone'),
  ]
}

function jpeg(orientation: number) {
  return Uint8Array.from([
    0xff,
    0xd8,
    ...segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xe1, exif(orientation)),
    ...segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Shenzhen</x:xmpmeta>')),
    ...segment(0xed, ascii('Photoshop 3.0\0IPTC byline')),
    ...segment(0xfe, ascii('a comment')),
    ...segment(0xdb, [0, 1, 2, 3]),
    ...segment(0xda, [1, 2, 3]),
    0x12,
    0xff,
    0x00,
    0x34, // entropy-coded data, with a stuffed 0xFF
    0xff,
    0xd9,
  ])
}

describe('image metadata stripped for the public', () => {
  it('drops EXIF, XMP, IPTC and comments from a JPEG, keeping its orientation and every image byte', () => {
    const original = jpeg(6)
    const out = stripImageMetadata(original, 'image/jpeg')!
    for (const text of ['GPS', 'iPhone', 'xmpmeta', 'IPTC', 'a comment'])
      expect(contains(out, text)).toBe(false)
    expect(contains(out, 'JFIF')).toBe(true)
    // The new EXIF comes right after APP0 and says orientation 6.
    const app0Length = (out[4]! << 8) | out[5]!
    const exifAt = 2 + 2 + app0Length
    expect([out[exifAt], out[exifAt + 1]]).toEqual([0xff, 0xe1])
    expect(contains(out.subarray(exifAt), 'Exif')).toBe(true)
    expect(out[exifAt + 4 + 6 + 8 + 2 + 9]).toBe(6)
    // Everything from the quantisation table on is untouched.
    const tail = original.subarray(original.indexOf(0xdb) - 1)
    expect(Buffer.from(out.subarray(out.length - tail.length)).equals(Buffer.from(tail))).toBe(true)
  })

  it('adds no EXIF when the orientation is the normal one', () => {
    const out = stripImageMetadata(jpeg(1), 'image/jpeg')!
    expect(contains(out, 'Exif')).toBe(false)
  })

  it('drops text, EXIF and time chunks from a PNG', () => {
    const chunk = (type: string, data: number[]) => {
      const length = [0, 0, 0, data.length]
      return [...length, ...ascii(type), ...data, 0, 0, 0, 0] // CRCs are not checked here
    }
    const png = Uint8Array.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]),
      ...chunk('tEXt', ascii('Author\0someone')),
      ...chunk('eXIf', ascii('MM GPS')),
      ...chunk('tIME', [7, 234, 1, 2, 3, 4, 5]),
      ...chunk('iTXt', ascii('XML:com.adobe.xmp\0\0\0\0\0<x/>')),
      ...chunk('IDAT', [1, 2, 3]),
      ...chunk('IEND', []),
    ])
    const out = stripImageMetadata(png, 'image/png')!
    for (const text of ['tEXt', 'eXIf', 'tIME', 'iTXt', 'someone', 'GPS'])
      expect(contains(out, text)).toBe(false)
    for (const text of ['IHDR', 'IDAT', 'IEND']) expect(contains(out, text)).toBe(true)
  })

  it('drops the EXIF and XMP chunks of a WebP and fixes its flags and size', () => {
    const chunk = (type: string, data: number[]) => [
      ...ascii(type),
      data.length & 0xff,
      data.length >> 8,
      0,
      0,
      ...data,
      ...(data.length % 2 ? [0] : []),
    ]
    const body = [
      ...ascii('WEBP'),
      ...chunk('VP8X', [0x08 | 0x04 | 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      ...chunk('VP8 ', [1, 2, 3, 4, 5]),
      ...chunk('EXIF', ascii('GPS here')),
      ...chunk('XMP ', ascii('<x:xmpmeta/>')),
    ]
    const webp = Uint8Array.from([...ascii('RIFF'), body.length & 0xff, body.length >> 8, 0, 0, ...body])
    const out = stripImageMetadata(webp, 'image/webp')!
    expect(contains(out, 'GPS')).toBe(false)
    expect(contains(out, 'xmpmeta')).toBe(false)
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength)
    expect(view.getUint32(4, true)).toBe(out.length - 8)
    expect(out[20]).toBe(0x10) // the alpha flag stays, EXIF and XMP are cleared
    expect(contains(out, 'VP8 ')).toBe(true)
  })

  it('refuses what it cannot read whole', () => {
    expect(stripImageMetadata(Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), 'image/jpeg')).toBeNull()
    expect(stripImageMetadata(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), 'image/png')).toBeNull()
    expect(stripImageMetadata(Uint8Array.from([1, 2, 3]), 'application/pdf')).toBeNull()
  })
})
