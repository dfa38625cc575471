import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './appeals.tables'
// Appeals are rated through the one ratings model (issue 13).
import './appeal-rateable'
import { appealRoutes } from './appeals.routes'
import { open311Routes, OPEN311_PREFIX, toGeoReportErrorResponse } from './open311.routes'
import { registerAppealJobs } from './appeals.jobs'
import { appealsErrors } from './appeals.errors'
import { MAX_ATTACHMENT_BYTES } from '../../kernel/uploads'

/** The appeals module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'appeals',
  mounts: [
    { routes: appealRoutes },
    // GeoReport v2 clients expect its own error format
    { routes: open311Routes, prefix: OPEN311_PREFIX, errorResponse: toGeoReportErrorResponse },
  ],
  jobs: registerAppealJobs,
  errors: appealsErrors,
  // one attachment, or one spreadsheet of appeals
  bodyLimits: {
    '/appeals/attachments': MAX_ATTACHMENT_BYTES,
    '/appeals/imports': MAX_ATTACHMENT_BYTES,
  },
})
