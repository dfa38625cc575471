import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './inspections.tables'
// Inspections are rated through the one ratings model once checked in.
import './inspection-rateable'
import { inspectionsErrors } from './inspections.errors'
import { inspectionsRoutes } from './inspections.routes'
import { inspectionResultsErrors } from './inspection-results.errors'
import { registerInspectionResultJobs } from './inspection-results.jobs'
import { inspectionResultsRoutes } from './inspection-results.routes'

/** Inspections without disturbance (涉企检查, issue 14 items 1, 2, 4): what it serves, runs and may answer. */
export default defineModule({
  name: 'inspections',
  mounts: [{ routes: inspectionsRoutes }, { routes: inspectionResultsRoutes }],
  jobs: registerInspectionResultJobs,
  errors: { ...inspectionsErrors, ...inspectionResultsErrors },
})
