// After `vite build`: a brotli (.br) and a gzip (.gz) copy of every text file in web/dist above 1 kB,
// made once at the highest settings, so the server answers with bytes on disk instead of compressing
// each request (docs/decisions/0028). node:zlib only: no plugin to pin against Node 20.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const dist = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../web/dist'))
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|map|webmanifest|wasm)$/i
const THRESHOLD = 1024

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else if (COMPRESSIBLE.test(entry.name)) yield full
  }
}

let raw = 0
let br = 0
let gz = 0
let count = 0
for (const file of files(dist)) {
  const body = fs.readFileSync(file)
  if (body.length < THRESHOLD) continue
  const brotli = zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  })
  const gzip = zlib.gzipSync(body, { level: zlib.constants.Z_BEST_COMPRESSION })
  // The server picks a variant only if it exists: never keep one that is not smaller.
  if (brotli.length < body.length) fs.writeFileSync(`${file}.br`, brotli)
  if (gzip.length < body.length) fs.writeFileSync(`${file}.gz`, gzip)
  raw += body.length
  br += Math.min(brotli.length, body.length)
  gz += Math.min(gzip.length, body.length)
  count++
}
const kb = (n) => `${(n / 1024).toFixed(1)} kB`
console.log(
  `precompressed ${count} files in ${path.relative(process.cwd(), dist) || '.'}: ${kb(raw)} → brotli ${kb(br)}, gzip ${kb(gz)}`,
)
