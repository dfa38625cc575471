import { defineModule } from '../../kernel/module'
import { auditRoutes } from './audit.routes'
import { registerAuditJobs } from './audit.jobs'

/** The audit module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'audit',
  mounts: [{ routes: auditRoutes }],
  jobs: registerAuditJobs,
})
