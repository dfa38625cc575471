import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './services.tables'
import { servicesErrors } from './services.errors'
import { matterRoutes } from './matters.routes'
import { servicesRoutes } from './services.routes'
import { deskRoutes } from './application-desk.routes'
import { figuresRoutes } from './services-figures.routes'

/** The services module's entry: what it serves and may answer (kernel/module.ts). */
export default defineModule({
  name: 'services',
  mounts: [
    { routes: servicesRoutes },
    { routes: matterRoutes },
    { routes: deskRoutes },
    { routes: figuresRoutes },
  ],
  errors: servicesErrors,
})
