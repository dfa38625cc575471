import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './privacy.tables'
import { privacyRoutes } from './privacy.routes'
import { privacyErrors } from './privacy.errors'

/** The privacy module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'privacy',
  mounts: [{ routes: privacyRoutes }],
  errors: privacyErrors,
})
