import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './matching.tables'
import { matchingRoutes } from './matching.routes'
import { registerMatchingJobs } from './matching.jobs'

/**
 * The matching module's entry: what it serves and runs (kernel/module.ts). Mounted before policies:
 * `/policies/match-runs` must be found before the policies router's `/policies/{id}`.
 */
export default defineModule({
  name: 'matching',
  mounts: [{ routes: matchingRoutes }],
  jobs: registerMatchingJobs,
})
