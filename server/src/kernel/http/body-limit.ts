import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { AppError } from '../errors'

/**
 * Refuses a body larger than maxSize with PAYLOAD_TOO_LARGE, without reading it when its size is
 * known. Hono's bodyLimit asks `c.req.raw.body` first, which makes the node adapter build a whole web
 * Request around the socket — and then every body is read through web streams instead of straight
 * from the socket: most of a small public POST's CPU (decision 0066). Over HTTP/1.1 a body is framed
 * by Content-Length (Node's parser reads exactly that many bytes, and refuses a malformed header) or
 * by chunks; with neither there is no body. Only a chunked body, or one injected without a socket
 * (tests), goes through Hono's counting reader.
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  const counting = bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge(maxSize)
    },
  })
  return async (c, next) => {
    if (c.req.header('transfer-encoding') !== undefined) return counting(c, next)
    const declared = c.req.header('content-length')
    if (declared === undefined) return overHttp1(c) ? next() : counting(c, next)
    // parseInt, as Hono's own check reads the header
    if (parseInt(declared, 10) > maxSize) throw tooLarge(maxSize)
    await next()
  }
}

/** Served by the node adapter over HTTP/1.x (its env carries the socket's request). */
function overHttp1(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  return incoming?.httpVersionMajor === 1
}

function tooLarge(limit: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', { params: { limit } })
}
