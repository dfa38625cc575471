import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './problem-classes.tables'
// the cockpit lists the largest problem classes through its hook
import './problem-classes-cockpit'
import { problemClassesErrors } from './problem-classes.errors'
import { registerProblemClassesJobs } from './problem-classes.jobs'
import { problemClassesRoutes } from './problem-classes.routes'

/**
 * The problem-classes module's entry (kernel/module.ts): recurring problems found across appeals and
 * bad ratings (堵点难点), solved as monthly problems (每月一题). Issue 13 item 6.
 */
export default defineModule({
  name: 'problem-classes',
  mounts: [{ routes: problemClassesRoutes }],
  jobs: registerProblemClassesJobs,
  errors: problemClassesErrors,
})
