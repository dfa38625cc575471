import { defineModule } from '../../kernel/module'
import { enterpriseRoutes } from './enterprises.routes'
import { enterprisesErrors } from './enterprises.errors'

/** The enterprises module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'enterprises',
  mounts: [{ routes: enterpriseRoutes }],
  errors: enterprisesErrors,
})
