import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { ErrorDefinition } from './errors'
import type { AppDeps, AppEnv } from './http/app-env'

/** Routes a module serves, and where: under /api/v1 unless the mount names its own prefix. */
export type ModuleMount = {
  routes: (deps: AppDeps) => OpenAPIHono<AppEnv>
  /** e.g. Open311's /api/open311; default /api/v1 */
  prefix?: string
  /**
   * An outside standard with its own error format (GeoReport v2): requests under the prefix are
   * answered by this instead of the one error shape.
   */
  errorResponse?: (error: unknown, c: Context<AppEnv>) => Response
}

/**
 * What a module declares about itself — its entry file, `<module>.module.ts`. The app, the jobs and
 * the tests are built from the list of these (modules/modules.ts); the kernel never imports one.
 */
export type AppModule = {
  /** the folder name under modules/ */
  name: string
  mounts?: ModuleMount[]
  /** registers the module's queues, timers and sweeps with deps.jobs */
  jobs?: (deps: AppDeps) => void
  /** the module's error codes (declared with defineErrors in `<module>.errors.ts`) */
  errors?: Record<string, ErrorDefinition>
  /**
   * Paths (under the mount) that take a file larger than the JSON limit — an attachment, a
   * spreadsheet: the largest file each accepts, in bytes. The app adds room for the multipart framing.
   */
  bodyLimits?: Record<string, number>
}

/** Checks a module's entry as it is written (typed; one place to add checks later). */
export function defineModule(module: AppModule): AppModule {
  return module
}
