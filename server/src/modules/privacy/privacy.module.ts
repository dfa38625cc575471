import { defineModule } from '../../kernel/module'
import { privacyRoutes } from './privacy.routes'
import { privacyErrors } from './privacy.errors'

/** The privacy module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'privacy',
  mounts: [{ routes: privacyRoutes }],
  errors: privacyErrors,
})
