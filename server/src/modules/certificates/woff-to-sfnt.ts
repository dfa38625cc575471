import zlib from 'node:zlib'

/**
 * A WOFF 1.0 font unpacked to the plain TrueType/OpenType bytes it wraps (W3C WOFF, section 4). The
 * font package ships WOFF; fontkit reads WOFF but inflates a table again on every access, which made
 * subsetting one certificate take seconds. Unpacked once per process, fontkit reads tables in place.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff
  const numTables = woff.readUInt16BE(12)
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20
    const offset = woff.readUInt32BE(at + 4)
    const compLength = woff.readUInt32BE(at + 8)
    const origLength = woff.readUInt32BE(at + 12)
    const stored = woff.subarray(offset, offset + compLength)
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? zlib.inflateSync(stored) : stored,
    }
  })
  const headerLength = 12 + numTables * 16
  const padded = (n: number) => (n + 3) & ~3
  const total = tables.reduce((sum, t) => sum + padded(t.data.length), headerLength)
  const out = Buffer.alloc(total)
  const entrySelector = Math.floor(Math.log2(numTables))
  out.writeUInt32BE(woff.readUInt32BE(4), 0) // flavor: 0x00010000 (TrueType) or 'OTTO'
  out.writeUInt16BE(numTables, 4)
  out.writeUInt16BE(2 ** entrySelector * 16, 6)
  out.writeUInt16BE(entrySelector, 8)
  out.writeUInt16BE(numTables * 16 - 2 ** entrySelector * 16, 10)
  let offset = headerLength
  tables.forEach((t, i) => {
    const record = 12 + i * 16
    t.tag.copy(out, record)
    out.writeUInt32BE(t.checksum, record + 4)
    out.writeUInt32BE(offset, record + 8)
    out.writeUInt32BE(t.data.length, record + 12)
    t.data.copy(out, offset)
    offset += padded(t.data.length)
  })
  return out
}
