import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './supervision.tables'
import { supervisionRoutes } from './supervision.routes'
import { supervisionErrors } from './supervision.errors'

/** The supervision module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'supervision',
  mounts: [{ routes: supervisionRoutes }],
  errors: supervisionErrors,
})
