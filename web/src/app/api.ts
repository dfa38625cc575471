/**
 * The one way the web app talks to the server: JSON in and out, the CSRF header on every write,
 * the UI language in Accept-Language, and every failure as an ApiError with the server's code,
 * message and per-field messages.
 */

export const API_BASE = '/api/v1'
const CSRF_COOKIE = 'ys_csrf'
const CSRF_HEADER = 'x-csrf-token'

export type FieldMessages = Record<string, string>

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: FieldMessages

  constructor(status: number, code: string, message: string, fields: FieldMessages = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields
  }
}

/** Codes this client makes up itself, for failures that never reached the server's error shape. */
export const NETWORK_ERROR = 'NETWORK_ERROR'
export const BAD_RESPONSE = 'BAD_RESPONSE'

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code)
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

export type RequestOptions = {
  query?: Query
  body?: unknown
  signal?: AbortSignal
  /**
   * A 401 is an expected answer here (the "who am I" probe, the sign-in forms): do not send the
   * user to a login page for it.
   */
  allowUnauthenticated?: boolean
  /** Ask for the answer in this language instead of the UI's (an admin page reads both catalogues). */
  language?: string
}

/** The session-level failures the app reacts to globally (redirect to a login, password or consent page). */
export type SessionProblem = 'UNAUTHENTICATED' | 'PASSWORD_CHANGE_REQUIRED' | 'CONSENT_REQUIRED'
let onSessionProblem: (problem: SessionProblem) => void = () => {}
let currentLanguage: () => string = () => 'zh-CN'
let networkErrorMessage: () => string = () => 'Network error'

export function configureApi(options: {
  onSessionProblem?: (problem: SessionProblem) => void
  language?: () => string
  networkErrorMessage?: () => string
}): void {
  if (options.onSessionProblem) onSessionProblem = options.onSessionProblem
  if (options.language) currentLanguage = options.language
  if (options.networkErrorMessage) networkErrorMessage = options.networkErrorMessage
}

export function readCookie(
  name: string,
  cookieString = typeof document === 'undefined' ? '' : document.cookie,
) {
  for (const part of cookieString.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return undefined
}

/** '?a=1&b=x' without the empty values, so optional filters can be passed as they are. */
export function buildQuery(query: Query | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Accept-Language always; the CSRF header on every write; content-type only for JSON bodies. */
function requestHeaders(method: Method, jsonBody: boolean, language?: string): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language ?? currentLanguage(),
  }
  // A FormData body sets its own multipart content-type with the boundary: never set it by hand.
  if (jsonBody) headers['content-type'] = 'application/json'
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE)
    if (csrf) headers[CSRF_HEADER] = csrf
  }
  return headers
}

/** The error for a failed answer, after telling the app about session-level problems. */
function failure(status: number, payload: unknown, options: { allowUnauthenticated?: boolean }): ApiError {
  const error = toApiError(status, payload)
  if (error.code === 'UNAUTHENTICATED' && !options.allowUnauthenticated) onSessionProblem('UNAUTHENTICATED')
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') onSessionProblem('PASSWORD_CHANGE_REQUIRED')
  if (error.code === 'CONSENT_REQUIRED') onSessionProblem('CONSENT_REQUIRED')
  return error
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData
  const headers = requestHeaders(method, options.body !== undefined && !isForm, options.language)

  let response: Response
  try {
    response = await fetch(`${API_BASE}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      signal: options.signal,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, NETWORK_ERROR, networkErrorMessage())
  }

  const payload: unknown = await response.json().catch(() => undefined)
  if (response.ok) return payload as T
  throw failure(response.status, payload, options)
}

/**
 * A multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can). Same
 * headers, errors and session handling as every other request.
 */
export function apiUpload<T>(
  path: string,
  form: FormData,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${API_BASE}${path}`)
    for (const [name, value] of Object.entries(requestHeaders('POST', false)))
      xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total)
    }
    xhr.onload = () => {
      let payload: unknown
      try {
        payload = JSON.parse(xhr.responseText)
      } catch {
        payload = undefined
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T)
      else reject(failure(xhr.status, payload, {}))
    }
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, networkErrorMessage()))
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'))
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException('Upload aborted', 'AbortError'))
        return
      }
      options.signal.addEventListener('abort', () => xhr.abort(), { once: true })
    }
    xhr.send(form)
  })
}

/** Reads the server's `{ error: { code, message, fields } }`; anything else (a proxy's HTML page) becomes BAD_RESPONSE. */
export function toApiError(status: number, payload: unknown): ApiError {
  const body = (payload as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined)
    ?.error
  if (body && typeof body.code === 'string') {
    const fields =
      body.fields && typeof body.fields === 'object' ? (body.fields as FieldMessages) : ({} as FieldMessages)
    return new ApiError(
      status,
      body.code,
      typeof body.message === 'string' ? body.message : body.code,
      fields,
    )
  }
  return new ApiError(status, BAD_RESPONSE, `HTTP ${status}`)
}

export const api = {
  get: <T>(path: string, query?: Query, options: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    apiRequest<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
  upload: apiUpload,
}

/** The text to show for any failure: the server's message, or the fallback for non-API errors. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message
  return fallback
}
