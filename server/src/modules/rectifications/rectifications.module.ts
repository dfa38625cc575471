import { defineModule } from '../../kernel/module'
import { MAX_ATTACHMENT_BYTES } from '../../kernel/uploads'
// The module's row types join the database type wherever the module is loaded.
import './rectifications.tables'
// A bad rating opens a rectification; a rectification is rateable (the ratings registry).
import './rectification-opening'
import { registerRectificationJobs } from './rectification-unit-notices'
import { rectificationsErrors } from './rectifications.errors'
import {
  RATING_APPEAL_FILE_PATH,
  RECTIFICATION_FILE_PATH,
  rectificationsRoutes,
} from './rectifications.routes'

/** The rectifications module's entry (差评整改 and 评价申诉): what it serves and may answer (kernel/module.ts). */
export default defineModule({
  name: 'rectifications',
  mounts: [{ routes: rectificationsRoutes }],
  jobs: registerRectificationJobs,
  errors: rectificationsErrors,
  bodyLimits: {
    [RECTIFICATION_FILE_PATH]: MAX_ATTACHMENT_BYTES,
    [RATING_APPEAL_FILE_PATH]: MAX_ATTACHMENT_BYTES,
  },
})
