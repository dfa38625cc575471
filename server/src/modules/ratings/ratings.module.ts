import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './ratings.tables'

/**
 * The ratings module's entry (kernel/module.ts): one rating model (好差评) for every case. Its routes,
 * jobs and errors are added as the module is built (issue 13).
 */
export default defineModule({
  name: 'ratings',
})
