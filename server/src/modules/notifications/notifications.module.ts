import { defineModule } from '../../kernel/module'
import { notificationRoutes } from './notifications.routes'
import { notificationsErrors } from './notifications.errors'

/** The notifications module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'notifications',
  mounts: [{ routes: (deps) => notificationRoutes(deps.config.devInbox) }],
  errors: notificationsErrors,
})
