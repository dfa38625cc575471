import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env'
import { guardInput } from './input-guard'
import { mediaTypeOf } from './media-type'
import { authenticate, requireJsonBody } from './middleware'

/**
 * What every /api request passes before its route, as one middleware: the body's size (the limit
 * the route's module declares, else the JSON limit), its type, the session, the input guard — in
 * that order, the first refusal answering. One layer instead of four: each Hono layer is a dispatch,
 * a closure and promises, and on Node 20 every promise also pays AsyncLocalStorage's hook (decision
 * 0066). A step with nothing to wait for (a read without a cookie) returns no promise.
 */
export function apiGate(limitFor: (path: string) => MiddlewareHandler): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const checks = async () => {
      const type = mediaTypeOf(c) // read once for both steps that judge the body
      requireJsonBody(c, type)
      const session = authenticate(c)
      if (session) await session
      const guarded = guardInput(c, type)
      if (guarded) await guarded
      await next()
    }
    // GET and HEAD carry no body to limit; asking for one (c.req.raw.body) would make the node adapter
    // build a whole web Request, ~9 % of a read's CPU (decision 0041) — limitBody never asks (0066).
    return c.req.method === 'GET' || c.req.method === 'HEAD' ? checks() : limitFor(c.req.path)(c, checks)
  }
}
