import type { Context, MiddlewareHandler, Next } from 'hono'
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
  // GET and HEAD carry no body to limit; asking for one (c.req.raw.body) would make the node adapter
  // build a whole web Request, ~9 % of a read's CPU (decision 0041) — limitBody never asks (0066).
  return (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD'
      ? passGate(c, next)
      : limitFor(c.req.path)(c, () => passGate(c, next))
}

/** The steps after the body's size; a step with nothing to wait for returns no promise. */
function passGate(c: Context<AppEnv>, next: Next): Promise<void> {
  const type = mediaTypeOf(c) // read once for both steps that judge the body
  requireJsonBody(c, type)
  const session = authenticate(c)
  return session ? session.then(() => guardThenNext(c, type, next)) : guardThenNext(c, type, next)
}

function guardThenNext(c: Context<AppEnv>, type: string, next: Next): Promise<void> {
  const guarded = guardInput(c, type)
  return guarded ? guarded.then(next) : next()
}
