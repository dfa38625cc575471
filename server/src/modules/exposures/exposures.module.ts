import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './exposures.tables'
import { exposuresErrors } from './exposures.errors'
import { exposuresRoutes } from './exposures.routes'

/** The exposure board's entry: what it serves and may answer (kernel/module.ts). */
export default defineModule({
  name: 'exposures',
  mounts: [{ routes: exposuresRoutes }],
  errors: exposuresErrors,
})
