import { defineModule } from '../../kernel/module'
import { referenceRoutes } from './reference.routes'

/** The reference module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'reference',
  mounts: [{ routes: referenceRoutes }],
})
