import { defineModule } from '../../kernel/module'
import { MAX_ATTACHMENT_BYTES } from '../../kernel/uploads'
// The module's row types join the database type wherever the module is loaded.
import './action-plans.tables'
import { actionPlansErrors } from './action-plans.errors'
import { registerActionPlanJobs } from './action-plans.jobs'
import { actionPlansRoutes } from './action-plans.routes'

/** The action plan (行动方案, issue 14 item 6): what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'action-plans',
  mounts: [{ routes: actionPlansRoutes }],
  jobs: registerActionPlanJobs,
  errors: actionPlansErrors,
  bodyLimits: { '/action-plans/files': MAX_ATTACHMENT_BYTES },
})
