import { defineModule } from '../../kernel/module'
import { MAX_ATTACHMENT_BYTES } from '../../kernel/uploads'
// The module's row types join the database type wherever the module is loaded.
import './self-inspections.tables'
import { selfInspectionsErrors } from './self-inspections.errors'
import { registerSelfInspectionJobs } from './self-inspections.jobs'
import { selfInspectionsRoutes } from './self-inspections.routes'

/** Self-inspection (自查自纠, issue 13 item 5): what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'self-inspections',
  mounts: [{ routes: selfInspectionsRoutes }],
  jobs: registerSelfInspectionJobs,
  errors: selfInspectionsErrors,
  bodyLimits: { '/self-inspections/files': MAX_ATTACHMENT_BYTES },
})
