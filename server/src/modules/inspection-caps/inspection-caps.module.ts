import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './inspection-caps.tables'
import './inspection-caps.messages'
// Registers the cap check with planning (inspections' registerPlanCheck) when the module loads.
import './inspection-cap-check'
import { inspectionCapsErrors } from './inspection-caps.errors'
import { inspectionCapsRoutes } from './inspection-caps.routes'

/**
 * Inspection caps and merging (检查频次上限、综合查一次; issue 14 item 2): caps as versioned data, the
 * plan check, exemptions the bureau grants, joint-visit proposals and merging, high frequency.
 */
export default defineModule({
  name: 'inspection-caps',
  mounts: [{ routes: inspectionCapsRoutes }],
  errors: inspectionCapsErrors,
})
