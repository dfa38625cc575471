import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './ratings.tables'
import './ratings.messages'
import { ratingsErrors } from './ratings.errors'
import { registerRatingsJobs } from './ratings.jobs'
import { ratingsRoutes } from './ratings.routes'

/**
 * The ratings module's entry (kernel/module.ts): one rating model (好差评) for every case — rate a
 * finished stage, the enterprise's to-rate list, a case's ratings for staff, the figures, the
 * invitation and default-rating sweep.
 */
export default defineModule({
  name: 'ratings',
  mounts: [{ routes: ratingsRoutes }],
  jobs: registerRatingsJobs,
  errors: ratingsErrors,
})
