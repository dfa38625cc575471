import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { HTTPException } from 'hono/http-exception'
import { CSRF_HEADER, resolveSession, SESSION_COOKIE, type ResolvedSession } from '../auth/sessions'
import { safeEqual } from '../auth/tokens'
import { AppError } from '../errors'
import { isJsonMediaType } from './media-type'
import type { AppEnv } from './app-env'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Bodies of writes must be JSON (file uploads, when they come, name their own routes).
 * Refusing other types up front keeps a form post from being read as an empty object.
 * A step of the API gate (api-gate.ts).
 */
export function requireJsonBody(c: Context<AppEnv>, type: string): void {
  if (!UNSAFE_METHODS.has(c.req.method)) return
  const hasBody =
    Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined
  if (hasBody && !isJsonMediaType(type) && type !== 'multipart/form-data') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE')
  }
}

/**
 * Resolves the session cookie into the actor. Cookie-authenticated writes must carry the session's
 * CSRF token in a header (a cross-site form cannot read it), and a cross-origin Origin is refused.
 * A step of the API gate (api-gate.ts): without a cookie there is nothing to await.
 */
export function authenticate(c: Context<AppEnv>): Promise<void> | void {
  const deps = c.get('deps')
  const unsafe = UNSAFE_METHODS.has(c.req.method)
  if (unsafe) assertSameOrigin(c, deps.config.trustProxy)
  const token = getCookie(c, SESSION_COOKIE)
  if (!token) return
  // Reads may take a session resolved a moment ago; a write always reads it from the database.
  const resolved = resolveSession(deps.db, token, new Date(), unsafe ? undefined : deps.sessionCache)
  if (resolved instanceof Promise) return resolved.then((session) => actAs(c, session, unsafe))
  actAs(c, resolved, unsafe)
}

/** The session's user becomes the request's actor; a write must also carry the session's CSRF token. */
function actAs(c: Context<AppEnv>, resolved: ResolvedSession | undefined, unsafe: boolean): void {
  if (!resolved || (resolved.isDemo && !c.get('deps').config.demoAccounts)) return
  if (unsafe) {
    const header = c.req.header(CSRF_HEADER)
    if (!header || !safeEqual(header, resolved.csrfToken)) throw new AppError('CSRF_FAILED')
  }
  c.set('actor', resolved.actor)
}

function assertSameOrigin(c: Context, trustProxy: boolean): void {
  const origin = c.req.header('origin')
  if (!origin || origin === 'null') return
  const forwarded = trustProxy ? c.req.header('x-forwarded-host') : undefined
  const host = forwarded ?? c.req.header('host') ?? new URL(c.req.url).host
  let originHost: string
  try {
    originHost = new URL(origin).host
  } catch {
    throw new AppError('CSRF_FAILED')
  }
  if (originHost !== host) throw new AppError('CSRF_FAILED')
}

/** The one error shape for everything, including what Hono itself throws. */
export function toErrorResponse(error: unknown, c: Context<AppEnv>): Response {
  const appError = toAppError(error, c)
  // A client (or a proxy) that waits as told need not guess: the same wait, in the standard header.
  const seconds = appError.params?.seconds
  if (typeof seconds === 'number' && appError.status === 429)
    c.header('Retry-After', String(Math.ceil(seconds)))
  return c.json(appError.toBody(), appError.status as 400)
}

/** Any error as an AppError (an unexpected one is logged and becomes INTERNAL). */
export function toAppError(error: unknown, c: Context<AppEnv>): AppError {
  let appError: AppError
  if (error instanceof AppError) {
    appError = error
  } else if (error instanceof HTTPException) {
    if (error.status === 413)
      appError = new AppError('PAYLOAD_TOO_LARGE', {
        params: { limit: c.get('deps')?.config.bodyLimitBytes ?? 0 },
      })
    else if (error.status === 400 && /JSON/i.test(error.message)) appError = new AppError('INVALID_JSON')
    else if (error.status === 400 && /FormData/i.test(error.message))
      appError = new AppError('INVALID_MULTIPART')
    else if (error.status === 415) appError = new AppError('UNSUPPORTED_MEDIA_TYPE')
    else if (error.status === 401) appError = new AppError('UNAUTHENTICATED')
    else if (error.status === 404) appError = new AppError('ROUTE_NOT_FOUND')
    else appError = internal(c, error)
  } else {
    appError = internal(c, error)
  }
  return appError
}

function internal(c: Context<AppEnv>, error: unknown): AppError {
  const requestId = c.get('requestId') ?? '-'
  c.get('deps')?.logger.error({ err: error, requestId }, 'unhandled error')
  return new AppError('INTERNAL', { params: { requestId } })
}
