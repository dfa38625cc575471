import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './commitments.tables'
// The benchmark the ledger computes (arrearsDays) is registered wherever the module is loaded.
import './commitments.benchmarks'
import { commitmentsErrors } from './commitments.errors'
import { registerCommitmentJobs } from './commitments.jobs'
import { commitmentsRoutes } from './commitments.routes'

/** The ledger of the government's word (守信践诺, 清欠; issue 14 item 5): routes, the daily sweep, errors. */
export default defineModule({
  name: 'commitments',
  mounts: [{ routes: commitmentsRoutes }],
  jobs: registerCommitmentJobs,
  errors: commitmentsErrors,
})
