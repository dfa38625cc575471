import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './certificates.tables'
import { certificatesErrors } from './certificates.errors'
import { certificatesRoutes } from './certificates.routes'

/** The certificates module's entry: what it serves and may answer (kernel/module.ts). */
export default defineModule({
  name: 'certificates',
  mounts: [{ routes: certificatesRoutes }],
  errors: certificatesErrors,
})
