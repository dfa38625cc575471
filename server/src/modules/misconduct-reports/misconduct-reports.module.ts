import { sealAuditRows } from '../../kernel/audit/sealed-entities'
import { defineModule } from '../../kernel/module'
import { MAX_ATTACHMENT_BYTES } from '../../kernel/uploads'
// The module's row types join the database type wherever the module is loaded.
import './misconduct-reports.tables'
import { misconductReportsErrors } from './misconduct-reports.errors'
import { registerReporterAddress } from './reporter-notices'
import { FILE_REPORT_PATH, misconductReportsRoutes } from './misconduct-reports.routes'
import { MAX_REPORT_BYTES } from './misconduct-reports.schema'

// Only discipline inspection sees a report: its audit rows too (administrators read the rest of the trail).
sealAuditRows('misconduct_report', ['discipline_inspector'])

/** Misconduct reports' entry: what it serves and may answer (kernel/module.ts). */
export default defineModule({
  name: 'misconduct-reports',
  mounts: [{ routes: misconductReportsRoutes }],
  errors: misconductReportsErrors,
  // not a job: the hook every app's dependencies pass through at boot, where the sealing key is known
  jobs: registerReporterAddress,
  // a report and its evidence files in one multipart body: room above the service's own 25 MB check,
  // so a body just over it is answered REPORT_TOO_LARGE rather than cut off unread
  bodyLimits: { [FILE_REPORT_PATH]: MAX_REPORT_BYTES + MAX_ATTACHMENT_BYTES },
})
