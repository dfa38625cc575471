import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './facts.tables'
import { factRoutes } from './facts.routes'
import { MAX_TABLE_FILE_BYTES } from '../../kernel/tabular'

/** The facts module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'facts',
  mounts: [{ routes: factRoutes }],
  // one department's spreadsheet of facts
  bodyLimits: { '/facts/imports': MAX_TABLE_FILE_BYTES },
})
