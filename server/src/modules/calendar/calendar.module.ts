import { defineModule } from '../../kernel/module'
import { calendarRoutes } from './calendar.routes'

/** The calendar module's entry: what it serves, runs and may answer (kernel/module.ts). */
export default defineModule({
  name: 'calendar',
  mounts: [{ routes: calendarRoutes }],
})
