import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './departments.tables'
import { departmentRoutes } from './departments.routes'
import { departmentsErrors } from './departments.errors'

/** The departments module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'departments',
  mounts: [{ routes: departmentRoutes }],
  errors: departmentsErrors,
})
