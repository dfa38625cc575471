import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  AddLeniencyEntryBody,
  EnterpriseResultSchema,
  InspectionIdParams,
  LeniencyEntrySchema,
  LeniencyLookupQuery,
  LeniencyLookupSchema,
  PlanRecheckBody,
  RecordResultBody,
  ResultFiguresQuery,
  ResultFiguresSchema,
  ResultWorklistSchema,
  StaffResultSchema,
} from './inspection-results.schema'
import * as service from './inspection-results.service'

const tags = ['inspections']

/** The result step's endpoints (issue 14 item 4). Parse, call the service, present: the rules are in the service. */
export function inspectionResultsRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspection-results/leniency-entries',
      tags,
      access: 'session',
      summary: 'Add a local no-penalty list entry, or its next version (the administrator)',
      request: { body: jsonBody(AddLeniencyEntryBody) },
      responses: { 201: jsonResponse(LeniencyEntrySchema, 'The entry as stored') },
    }),
    async (c) =>
      c.json(await service.addLeniencyEntry(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspection-results/leniency-lookup',
      tags,
      access: 'session',
      summary:
        'The no-penalty entries in force that match, with their conditions and any earlier offence (staff)',
      request: { query: LeniencyLookupQuery },
      responses: { 200: jsonResponse(LeniencyLookupSchema, 'The matching entries') },
    }),
    async (c) =>
      c.json(await service.lookupLeniency(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspection-results/mine',
      tags,
      access: 'session',
      summary: 'The inspections the inspector is on that wait for a result or a re-check',
      responses: { 200: jsonResponse(ResultWorklistSchema, 'The inspections') },
    }),
    async (c) => c.json(await service.listWorklist(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspection-results/figures',
      tags,
      access: 'session',
      summary: 'Leniency share by list entry and body, re-checks on time (the bureau)',
      request: { query: ResultFiguresQuery },
      responses: { 200: jsonResponse(ResultFiguresSchema, 'The figures') },
    }),
    async (c) =>
      c.json(await service.resultFigures(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspection-results/{id}',
      tags,
      access: 'session',
      summary: 'An inspection and its result as staff see it (its inspectors, its body’s head, the bureau)',
      request: { params: InspectionIdParams },
      responses: { 200: jsonResponse(StaffResultSchema, 'The inspection and its result') },
    }),
    async (c) =>
      c.json(await service.getStaffResult(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspections/{id}/result',
      tags,
      access: 'session',
      summary: 'Record the result: problems, leniency decisions, corrections (an inspector on it)',
      request: { params: InspectionIdParams, body: jsonBody(RecordResultBody) },
      responses: { 200: jsonResponse(StaffResultSchema, 'The inspection and its result') },
    }),
    async (c) =>
      c.json(
        await service.recordResult(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspections/{id}/result',
      tags,
      access: 'session',
      summary: 'The result of one of the enterprise’s inspections, as the enterprise sees it',
      request: { params: InspectionIdParams },
      responses: { 200: jsonResponse(EnterpriseResultSchema, 'The result') },
    }),
    async (c) =>
      c.json(await service.getEnterpriseResult(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspections/{id}/recheck',
      tags,
      access: 'session',
      summary:
        'Plan the re-check of the corrections now, before the sweep would (an inspector on it, its body’s head)',
      request: { params: InspectionIdParams, body: jsonBody(PlanRecheckBody) },
      responses: { 200: jsonResponse(StaffResultSchema, 'The inspection and its result') },
    }),
    async (c) =>
      c.json(
        await service.planRecheckByHand(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json').version,
        ),
        200,
      ),
  )

  return router
}
