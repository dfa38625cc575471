import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { AppError } from '../errors'
import type { AppEnv } from './app-env'
import { validationHook } from './validation'

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
function requireSession(gates: { password: boolean; consent: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor')
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED')
    if (actor.mustChangePassword && !gates.password) throw new AppError('PASSWORD_CHANGE_REQUIRED')
    if (actor.consentPending && !gates.consent) throw new AppError('CONSENT_REQUIRED')
    await next()
  }
}

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
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
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
