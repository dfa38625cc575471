import type { Context } from 'hono'

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/

/** The request body's media type, lower case and without parameters: 'application/json'. */
export function mediaTypeOf(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
}

/** application/json and its +json kin (application/problem+json, application/merge-patch+json…). */
export function isJsonMediaType(type: string): boolean {
  return JSON_TYPE.test(type)
}
