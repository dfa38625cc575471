import { defineModule } from '../../kernel/module'
import { worklistRoutes } from './worklist.routes'

/** The worklist module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'worklist',
  mounts: [{ routes: worklistRoutes }],
})
