import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './cockpit.tables'
import { registerCockpitJobs } from './cockpit.jobs'
import { cockpitRoutes, openDataRoutes } from './cockpit.routes'

/** The cockpit module's entry (issue 13 item 8): the bureau's cockpit, its drill-down and the open data. */
export default defineModule({
  name: 'cockpit',
  mounts: [{ routes: cockpitRoutes }, { routes: openDataRoutes }],
  jobs: registerCockpitJobs,
})
