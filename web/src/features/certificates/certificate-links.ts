import { API_BASE } from '../../app/api'

/**
 * Where a certificate's parts live, and sharing its verify link. The QR on the PDF and the SVG leads
 * to the same page (`/certificates/verify?p=<payload>`): the payload is base64url and a dot, safe in
 * a URL as it is.
 */
export const certificatePdfUrl = (id: string) => `${API_BASE}/certificates/${id}/pdf`
export const certificateQrUrl = (id: string) => `${API_BASE}/certificates/${id}/qr.svg`
export const verifyLink = (origin: string, payload: string) => `${origin}/certificates/verify?p=${payload}`

export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed'
type Sharing = Pick<Navigator, 'share' | 'clipboard'> | { share?: undefined; clipboard?: undefined }

/**
 * The phone's share sheet where the browser has one (Web Share API), else the link copied. Dismissing
 * the share sheet is not a failure.
 */
export async function shareVerifyLink(title: string, link: string, sharing: Sharing): Promise<ShareOutcome> {
  if (typeof sharing.share === 'function') {
    try {
      await sharing.share({ title, url: link })
      return 'shared'
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') return 'cancelled'
      // A browser that refuses (no user gesture, a policy) may still copy.
    }
  }
  try {
    if (!sharing.clipboard) return 'failed'
    await sharing.clipboard.writeText(link)
    return 'copied'
  } catch {
    return 'failed'
  }
}
