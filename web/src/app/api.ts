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
}

/** The session-level failures the app reacts to globally (redirect to a login or password page). */
export type SessionProblem = 'UNAUTHENTICATED' | 'PASSWORD_CHANGE_REQUIRED'
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

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE)
    if (csrf) headers[CSRF_HEADER] = csrf
  }

  let response: Response
  try {
    response = await fetch(`${API_BASE}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, NETWORK_ERROR, networkErrorMessage())
  }

  const payload: unknown = await response.json().catch(() => undefined)
  if (response.ok) return payload as T

  const error = toApiError(response.status, payload)
  if (error.code === 'UNAUTHENTICATED' && !options.allowUnauthenticated) onSessionProblem('UNAUTHENTICATED')
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') onSessionProblem('PASSWORD_CHANGE_REQUIRED')
  throw error
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
}

/** The text to show for any failure: the server's message, or the fallback for non-API errors. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message
  return fallback
}
