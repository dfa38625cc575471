import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './benchmarks.tables'
// The platform's own formulas register themselves with the registry.
import './benchmark-formulas'
import { benchmarksErrors } from './benchmarks.errors'
import { benchmarksRoutes } from './benchmarks.routes'

/** Benchmarks (对标, issue 14 item 7): what it serves and may answer (kernel/module.ts). */
export default defineModule({
  name: 'benchmarks',
  mounts: [{ routes: benchmarksRoutes }],
  errors: benchmarksErrors,
})
