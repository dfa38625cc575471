import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './policies.tables'
import { policyRoutes } from './policies.routes'
import { registerPolicyJobs } from './policies.jobs'
import { policiesErrors } from './policies.errors'

/** The policies module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'policies',
  mounts: [{ routes: policyRoutes }],
  jobs: registerPolicyJobs,
  errors: policiesErrors,
})
