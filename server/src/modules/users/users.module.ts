import { defineModule } from '../../kernel/module'
import { userRoutes } from './users.routes'
import { usersErrors } from './users.errors'

/** The users module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'users',
  mounts: [{ routes: userRoutes }],
  errors: usersErrors,
})
