/**
 * An image as the public may see it: the pixels without what the camera wrote about them. A phone
 * photo's EXIF can carry where it was taken (GPS), when, and with which device; an enterprise that
 * publishes an appeal chose to publish its text and, separately, a location — not its phone's
 * position when it took the picture. So before an image leaves for the public:
 *
 * - JPEG: APP1 (EXIF, XMP), APP13 (IPTC) and comments are dropped. The EXIF orientation alone is
 *   kept, in a new minimal EXIF block, so a portrait photo is not shown on its side.
 * - PNG: the eXIf, tEXt, zTXt, iTXt and tIME chunks are dropped.
 * - WebP: the EXIF and XMP chunks are dropped and the container's flags and size set to match.
 *
 * Returns null for a file it cannot read whole: a damaged image is better not served than served
 * with what it may still carry.
 */
export function stripImageMetadata(bytes: Uint8Array, contentType: string): Uint8Array | null {
  try {
    if (contentType === 'image/jpeg') return stripJpeg(bytes)
    if (contentType === 'image/png') return stripPng(bytes)
    if (contentType === 'image/webp') return stripWebp(bytes)
  } catch {
    return null
  }
  return null
}

class Malformed extends Error {}
const need = (ok: boolean) => {
  if (!ok) throw new Malformed()
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

// JPEG ----------------------------------------------------------------------------------------

const APP1 = 0xe1
const APP13 = 0xed
const COM = 0xfe
const SOS = 0xda
const EOI = 0xd9

function stripJpeg(bytes: Uint8Array): Uint8Array {
  need(bytes[0] === 0xff && bytes[1] === 0xd8)
  const kept: Uint8Array[] = [bytes.subarray(0, 2)]
  let orientation: number | undefined
  let at = 2
  for (;;) {
    need(at + 1 < bytes.length && bytes[at] === 0xff)
    while (bytes[at + 1] === 0xff) at++ // fill bytes
    const marker = bytes[at + 1]!
    if (marker === EOI) {
      kept.push(bytes.subarray(at))
      break
    }
    need(at + 3 < bytes.length)
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!
    need(length >= 2 && at + 2 + length <= bytes.length)
    const segment = bytes.subarray(at, at + 2 + length)
    if (marker === SOS) {
      // The entropy-coded image follows to the end: copied as it is.
      kept.push(bytes.subarray(at))
      break
    }
    if (marker === APP1) orientation ??= exifOrientation(segment.subarray(4))
    else if (marker !== APP13 && marker !== COM) kept.push(segment)
    at += 2 + length
  }
  // After JFIF's APP0 when there is one (it must come first), else right after the start marker.
  if (orientation && orientation !== 1)
    kept.splice(kept[1]?.[1] === 0xe0 ? 2 : 1, 0, minimalExif(orientation))
  return concat(kept)
}

/** The orientation (1–8) in an APP1 EXIF payload ("Exif\0\0" + TIFF), if it has one. */
function exifOrientation(payload: Uint8Array): number | undefined {
  const exif = [0x45, 0x78, 0x69, 0x66, 0, 0]
  if (!exif.every((b, i) => payload[i] === b)) return undefined // XMP or another APP1
  const tiff = payload.subarray(6)
  const little = tiff[0] === 0x49 && tiff[1] === 0x49
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return undefined
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength)
  if (tiff.length < 8) return undefined
  const ifd = view.getUint32(4, little)
  if (ifd + 2 > tiff.length) return undefined
  const count = view.getUint16(ifd, little)
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > tiff.length) return undefined
    if (view.getUint16(entry, little) === 0x0112 && view.getUint16(entry + 2, little) === 3) {
      const value = view.getUint16(entry + 8, little)
      return value >= 1 && value <= 8 ? value : undefined
    }
  }
  return undefined
}

/** An APP1 segment holding one EXIF field, the orientation (big-endian TIFF, one IFD, one entry). */
function minimalExif(orientation: number): Uint8Array {
  // prettier-ignore
  const payload = [
    0x45, 0x78, 0x69, 0x66, 0, 0, // "Exif\0\0"
    0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, // "MM", 42, IFD0 at 8
    0, 1, // one entry
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, // Orientation, SHORT, 1 value
    0, 0, 0, 0, // no next IFD
  ]
  const length = payload.length + 2
  return Uint8Array.from([0xff, APP1, length >> 8, length & 0xff, ...payload])
}

// PNG -----------------------------------------------------------------------------------------

const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME'])

function stripPng(bytes: Uint8Array): Uint8Array {
  need(bytes.length >= 8)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const kept: Uint8Array[] = [bytes.subarray(0, 8)]
  let at = 8
  for (;;) {
    need(at + 8 <= bytes.length)
    const length = view.getUint32(at)
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    const end = at + 12 + length
    need(end <= bytes.length)
    if (!PNG_DROPPED.has(type)) kept.push(bytes.subarray(at, end))
    at = end
    if (type === 'IEND') break
  }
  return concat(kept)
}

// WebP ----------------------------------------------------------------------------------------

const WEBP_DROPPED = new Set(['EXIF', 'XMP '])
const VP8X_EXIF = 0x08
const VP8X_XMP = 0x04

function stripWebp(bytes: Uint8Array): Uint8Array {
  need(bytes.length >= 12)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const riffEnd = Math.min(8 + view.getUint32(4, true), bytes.length)
  const kept: Uint8Array[] = []
  let at = 12
  while (at + 8 <= riffEnd) {
    const type = String.fromCharCode(...bytes.subarray(at, at + 4))
    const size = view.getUint32(at + 4, true)
    const end = at + 8 + size + (size % 2) // chunks are padded to an even size
    need(end <= riffEnd + (size % 2))
    if (!WEBP_DROPPED.has(type)) {
      const chunk = bytes.slice(at, Math.min(end, riffEnd))
      if (type === 'VP8X') chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP)
      kept.push(chunk)
    }
    at = end
  }
  const body = concat(kept)
  const header = bytes.slice(0, 12)
  new DataView(header.buffer).setUint32(4, body.length + 4, true)
  return concat([header, body])
}
