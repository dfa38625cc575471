import { createRouter, defineRoute, jsonResponse } from '../../kernel/http/route'
import { WorklistSchema } from './worklist.schema'
import * as service from './worklist.service'

export function worklistRoutes() {
  const router = createRouter()
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/worklist',
      tags: ['worklist'],
      access: 'session',
      summary: 'What waits for the caller and their department, with counts and where to go (staff)',
      responses: { 200: jsonResponse(WorklistSchema, 'Work items') },
    }),
    async (c) => c.json(await service.getWorklist(c.get('deps'), c.get('actor')), 200),
  )
  return router
}
