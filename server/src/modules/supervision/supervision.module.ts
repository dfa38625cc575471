import type { AppDeps } from '../../kernel/http/app-env'
import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './supervision.tables'
import { bindSupervisionDeps } from './supervision-ratings'
import { registerSupervisionJobs } from './supervision.jobs'
import { supervisionRoutes } from './supervision.routes'
import { supervisionErrors } from './supervision.errors'

/** The supervision module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'supervision',
  mounts: [{ routes: supervisionRoutes }],
  jobs: (deps: AppDeps) => {
    registerSupervisionJobs(deps)
    bindSupervisionDeps(deps)
  },
  errors: supervisionErrors,
})
