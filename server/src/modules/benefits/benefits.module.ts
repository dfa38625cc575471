import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './benefits.tables'
// Claims are rated through the one ratings model (issue 13).
import './claim-rateable'
import { benefitRoutes } from './benefits.routes'
import { benefitsErrors } from './benefits.errors'
import { MAX_ATTACHMENT_BYTES } from '../../kernel/uploads'

/** The benefits module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'benefits',
  mounts: [{ routes: benefitRoutes }],
  errors: benefitsErrors,
  // one material file
  bodyLimits: { '/benefits/materials': MAX_ATTACHMENT_BYTES },
})
