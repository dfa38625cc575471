import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi'
import type { Context, Handler, MiddlewareHandler } from 'hono'
import { addFieldError, AppError, type FieldErrors } from '../errors'
import type { AppEnv } from './app-env'
import { RememberedRouter } from './remembered-router'
import { fieldErrorsOf, validationHook } from './validation'

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error')

const errorContent = { content: { 'application/json': { schema: ErrorBodySchema } } }
const errorResponses = {
  400: { description: 'Invalid input: every bad field is listed', ...errorContent },
  401: { description: 'Not signed in', ...errorContent },
  403: { description: 'Not allowed', ...errorContent },
  404: { description: 'Not found, or not visible to the caller', ...errorContent },
  409: { description: 'Conflicts with the current state', ...errorContent },
} as const

export type Access = 'public' | 'session'

/**
 * Refuses anonymous callers, callers who must change their initial password first, and callers who
 * have not accepted the current privacy notice and terms (staff: acknowledged the staff notice). The
 * few routes such a caller needs say so (`allowPending…`): who am I, sign out, change the password,
 * read and accept the documents, withdraw, and take a copy of one's own data.
 */
type SessionGates = { password: boolean; consent: boolean }

function requireSession(gates: SessionGates): MiddlewareHandler<AppEnv> {
  // Not async: a layer that only checks passes its next step's promise on and makes none of its own.
  const middleware: MiddlewareHandler<AppEnv> = (c, next) => {
    checkSession(c, gates)
    return next()
  }
  gatesOf.set(middleware, gates)
  return middleware
}

function checkSession(c: Context<AppEnv>, gates: SessionGates): void {
  const actor = c.get('actor')
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED')
  if (actor.mustChangePassword && !gates.password) throw new AppError('PASSWORD_CHANGE_REQUIRED')
  if (actor.consentPending && !gates.consent) throw new AppError('CONSENT_REQUIRED')
}

/** The session check behind each route's middleware, so a route's one step can make it itself. */
const gatesOf = new WeakMap<MiddlewareHandler<AppEnv>, SessionGates>()

/**
 * createRoute() plus who may call it at all ('public' or 'session'); which signed-in users may do
 * what is decided by the service, never here. Documents the shared error responses.
 */
export function defineRoute<R extends RouteConfig>(
  config: R & { access: Access; allowPendingPasswordChange?: boolean; allowPendingConsent?: boolean },
) {
  const { access, allowPendingPasswordChange = false, allowPendingConsent = false, ...route } = config
  const gates = { password: allowPendingPasswordChange, consent: allowPendingConsent }
  return createRoute({
    ...route,
    ...(access === 'session'
      ? { middleware: [requireSession(gates)] as const, security: [{ cookieAuth: [] }] }
      : { security: [] }),
    responses: { ...errorResponses, ...route.responses },
  } as unknown as R)
}

export function createRouter(): OpenAPIHono<AppEnv> {
  const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook, router: new RememberedRouter() })
  const mount = router.openapi
  // A route that reads only its query and path parameters (every GET, most deletes) gets one step
  // before its handler instead of a layer per check — the session check, then each part validated by
  // its own zod layer, asynchronously. Each Hono layer is a dispatch, a closure and promises that
  // AsyncLocalStorage hooks on Node 20; for a small read that was a fifth of its CPU (decision 0069).
  // The OpenAPI document is made from the same route as before; anything else is zod-openapi's own.
  router.openapi = ((route: RouteConfig, handler: Handler, hook?: unknown) => {
    const { middleware, hide, ...documented } = route
    const middlewares = middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware]
    const gates = middlewares.map((m) => gatesOf.get(m as MiddlewareHandler<AppEnv>))
    const request = route.request
    if (hook || gates.some((g) => !g) || request?.body || request?.headers || request?.cookies)
      return mount(route as never, handler as never, hook as never)
    if (!hide) router.openAPIRegistry.registerPath(documented)
    const step = readStep(gates as SessionGates[], request?.query, request?.params)
    router.on([route.method], [route.path.replaceAll(/\/{(.+?)}/g, '/:$1')], step, handler)
    return router
  }) as typeof mount
  return router
}

/**
 * The one step of a route that reads only its query and path: the session check, then both parts
 * validated at once, every bad field of both listed in one VALIDATION_FAILED. Synchronously: a query
 * or path schema has no asynchronous refinement (zod throws at once if one ever does).
 */
function readStep(
  gates: readonly SessionGates[],
  query: z.ZodType | undefined,
  params: z.ZodType | undefined,
): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    for (const g of gates) checkSession(c, g)
    const fields: FieldErrors = {}
    if (query) validatePart(c, 'query', query, queryValues(c), fields)
    if (params) validatePart(c, 'param', params, c.req.param(), fields)
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
    return next()
  }
}

/** One part validated: its data handed to c.req.valid(), or its bad fields added to the others. */
function validatePart(
  c: Context,
  target: 'query' | 'param',
  schema: z.ZodType,
  value: unknown,
  fields: FieldErrors,
) {
  const result = schema.safeParse(value)
  if (result.success) c.req.addValidatedData(target, result.data as never)
  // Field by field as defined properties: a name such as __proto__ is a field, not a prototype.
  else
    for (const [name, message] of Object.entries(fieldErrorsOf(result.error, target)))
      addFieldError(fields, name, message)
}

/** The query as Hono's validator reads it: a name given once is a string, given again an array. */
function queryValues(c: Context): Record<string, string | string[]> {
  const all = c.req.queries()
  // Without a prototype: a name such as __proto__ is a field like any other (and refused as unknown).
  const values: Record<string, string | string[]> = Object.create(null)
  for (const name of Object.keys(all)) values[name] = all[name]!.length === 1 ? all[name]![0]! : all[name]!
  return values
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const
}

/** A multipart body with one file in the field `file` (uploads: attachments, licences, data files). */
export function fileBody() {
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
      },
    },
  } as const
}
