import type { Context } from 'hono'
import { safeEqual } from '../auth/tokens'
import { isLoopbackAddress } from './client-address'
import type { AppEnv } from './app-env'

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip']

/**
 * Whether the request comes from this machine (127.0.0.0/8, ::1).
 *
 * Behind trusted proxies (TRUST_PROXY) that is the client address read from X-Forwarded-For, never
 * the proxy's own. Without TRUST_PROXY a request that carries forwarding headers went through a
 * proxy we were not told about — one on this machine would make every client look local — so it is
 * not taken as local, whatever its socket says.
 */
export function isLocalRequest(c: Context<AppEnv>): boolean {
  if (!isLoopbackAddress(c.get('ip'))) return false
  if (c.get('deps').config.trustProxy) return true
  return FORWARDING_HEADERS.every((h) => c.req.header(h) === undefined)
}

/** /metrics: to this machine, or to a scraper that sends Authorization: Bearer <METRICS_TOKEN>. */
export function mayReadMetrics(c: Context<AppEnv>): boolean {
  const token = c.get('deps').config.metricsToken
  const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
  if (token && presented && safeEqual(presented, token)) return true
  return isLocalRequest(c)
}
