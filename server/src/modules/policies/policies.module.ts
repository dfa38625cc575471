import { defineModule } from '../../kernel/module'
// The module's row types join the database type wherever the module is loaded.
import './policies.tables'
import { libraryRoutes } from './library.routes'
import { needsRoutes } from './needs.routes'
import { publicationRoutes } from './publication.routes'
import { policyRoutes } from './policies.routes'
import { policiesErrors } from './policies.errors'

/**
 * The policies module's entry: what it serves and may answer (kernel/module.ts). The routers whose
 * fixed paths (`/policies/needs`, `/policies/publication-settings`) share a prefix with
 * `/policies/{id}` are mounted before the documents' router.
 */
export default defineModule({
  name: 'policies',
  mounts: [
    { routes: libraryRoutes },
    { routes: needsRoutes },
    { routes: publicationRoutes },
    { routes: policyRoutes },
  ],
  errors: policiesErrors,
})
