import { API_BASE, ApiError, buildQuery, NETWORK_ERROR, toApiError } from '../../app/api'
import { currentLanguage } from '../../app/i18n'

/**
 * Downloads a file the server makes (a data export) and hands it to the browser to save, under the
 * name the server gives. A refusal (too many downloads, not allowed) comes back as an ApiError, so
 * the page can say why instead of the browser saving an error as a file.
 */
export async function downloadFile(path: string, query: Record<string, string>): Promise<void> {
  let response: Response
  try {
    response = await fetch(`${API_BASE}${path}${buildQuery(query)}`, {
      credentials: 'same-origin',
      headers: { 'accept-language': currentLanguage() },
    })
  } catch {
    throw new ApiError(0, NETWORK_ERROR, 'Network error')
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined))
  const blob = await response.blob()
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export'
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
