import { createRouter } from '../../kernel/http/route'
import './appeals.messages'
import { caseRoutes } from './appeals-case.routes'
import { catalogueRoutes } from './appeals-catalogue.routes'
import { figureRoutes } from './appeals-figures.routes'
import { intakeRoutes } from './appeals-intake.routes'
import { listRoutes } from './appeals-lists.routes'
import { returnVisitRoutes } from './appeals-return-visits.routes'

/**
 * The appeals API, one file per group. The order is the router's: every fixed path under /appeals
 * comes before the case routes, whose /appeals/{id} would otherwise take it for an appeal's id.
 */
export function appealRoutes() {
  const router = createRouter()
  catalogueRoutes(router)
  intakeRoutes(router)
  listRoutes(router)
  returnVisitRoutes(router)
  figureRoutes(router)
  caseRoutes(router)
  return router
}
