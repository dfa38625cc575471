import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './random-draws.tables'
import { randomDrawsErrors } from './random-draws.errors'
import { registerRandomDrawJobs } from './random-draws.jobs'
// The notices it sends, in both languages.
import './random-draws.messages'
import { randomDrawsRoutes } from './random-draws.routes'

/** Random draws anyone can re-run (双随机一公开, issue 14 item 3): what it serves and may answer. */
export default defineModule({
  name: 'random-draws',
  mounts: [{ routes: randomDrawsRoutes }],
  jobs: registerRandomDrawJobs,
  errors: randomDrawsErrors,
})
