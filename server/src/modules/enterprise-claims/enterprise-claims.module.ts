import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './enterprise-claims.tables'
import { enterpriseClaimRoutes } from './enterprise-claims.routes'
import { enterpriseClaimsErrors } from './enterprise-claims.errors'

/** The enterprise-claims module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'enterprise-claims',
  mounts: [{ routes: enterpriseClaimRoutes }],
  errors: enterpriseClaimsErrors,
})
