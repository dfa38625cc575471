import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './enterprises.tables'
import { enterpriseRoutes } from './enterprises.routes'
import { enterprisesErrors } from './enterprises.errors'

/** The enterprises module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'enterprises',
  mounts: [{ routes: enterpriseRoutes }],
  errors: enterprisesErrors,
})
