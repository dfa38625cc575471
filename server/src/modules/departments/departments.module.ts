import { defineModule } from '../../kernel/module'
import { departmentRoutes } from './departments.routes'
import { departmentsErrors } from './departments.errors'

/** The departments module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'departments',
  mounts: [{ routes: departmentRoutes }],
  errors: departmentsErrors,
})
