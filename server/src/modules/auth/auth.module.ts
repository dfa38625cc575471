import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './auth.tables'
import { authRoutes } from './auth.routes'
import { registerAuthJobs } from './auth.jobs'
import { authErrors } from './auth.errors'

/** The auth module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'auth',
  mounts: [{ routes: authRoutes }],
  jobs: registerAuthJobs,
  errors: authErrors,
})
