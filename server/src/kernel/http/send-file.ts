import type { Context } from 'hono'
import type { AppEnv } from './app-env'

/**
 * Answers an uploaded file (evidence, an attachment, a material) with its stored type: a photo opens
 * in the browser (a thumbnail links to it), anything else downloads; the name in RFC 5987 form, so a
 * Chinese file name survives; never sniffed (the type was read from the bytes on upload).
 */
export function sendUploadedFile(
  c: Context<AppEnv>,
  file: { fileName: string; contentType: string; content: Uint8Array },
) {
  const disposition = file.contentType.startsWith('image/') ? 'inline' : 'attachment'
  return c.body(new Uint8Array(file.content), 200, {
    'content-type': file.contentType,
    'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'x-content-type-options': 'nosniff',
  })
}
