import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import * as bulk from './inspection-bulk-approval'
import * as door from './inspection-door.service'
import * as registry from './inspection-registry.service'
import {
  ApproveDrawnBody,
  ApproveDrawnSchema,
  CertifyInspectorBody,
  CheckCodeParams,
  CheckViewSchema,
  CreateInspectionItemBody,
  DecisionBody,
  DeclareConflictBody,
  DrawIdParams,
  IdParams,
  InspectionDetailSchema,
  InspectionItemListQuery,
  InspectionItemListSchema,
  InspectionItemSchema,
  InspectionListQuery,
  InspectionListSchema,
  InspectorListQuery,
  InspectorListSchema,
  InspectorParams,
  MyInspectionListSchema,
  PlanInspectionBody,
  PlanningChoicesQuery,
  PlanningChoicesSchema,
  ReasonBody,
  ReportUnregisteredVisitBody,
  UnregisteredVisitReportListSchema,
  UnregisteredVisitReportSchema,
  VersionBody,
} from './inspections.schema'
import * as service from './inspections.service'

const tags = ['inspections']

/** Parse, call the service, present: the rules and the permission checks are in the services. */
export function inspectionsRoutes() {
  const router = createRouter()

  // ── the registry ──────────────────────────────────────────────────────────────────────────

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspection-items',
      tags,
      access: 'session',
      summary:
        'Inspection items (检查事项) by body, status and word, each flagged when unused for five years before asOf (admin, bureau leadership: all; a body’s heads and inspectors: its own)',
      request: { query: InspectionItemListQuery },
      responses: { 200: jsonResponse(InspectionItemListSchema, 'The items') },
    }),
    async (c) =>
      c.json(await registry.listInspectionItems(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspection-items',
      tags,
      access: 'session',
      summary: 'A draft inspection item of a body, with its legal basis (admin; the body’s head)',
      request: { body: jsonBody(CreateInspectionItemBody) },
      responses: { 201: jsonResponse(InspectionItemSchema, 'The draft item') },
    }),
    async (c) =>
      c.json(await registry.createInspectionItem(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspection-items/{id}',
      tags,
      access: 'session',
      summary: 'One inspection item',
      request: { params: IdParams },
      responses: { 200: jsonResponse(InspectionItemSchema, 'The item') },
    }),
    async (c) =>
      c.json(await registry.getInspectionItem(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  for (const move of ['publish', 'withdraw'] as const)
    router.openapi(
      defineRoute({
        method: 'post',
        path: `/inspection-items/{id}/${move}`,
        tags,
        access: 'session',
        summary:
          move === 'publish'
            ? 'Publish a draft item: only published items may be inspected (admin; the body’s head)'
            : 'Withdraw a published item: no new inspection may name it (admin; the body’s head)',
        request: { params: IdParams, body: jsonBody(VersionBody) },
        responses: { 200: jsonResponse(InspectionItemSchema, 'The item after the move') },
      }),
      async (c) =>
        c.json(
          await registry.moveInspectionItem(
            c.get('deps'),
            c.get('actor'),
            c.req.valid('param').id,
            move,
            c.req.valid('json'),
          ),
          200,
        ),
    )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspectors',
      tags,
      access: 'session',
      summary: 'Certified inspectors (执法人员) with their certificates and declared conflicts',
      request: { query: InspectorListQuery },
      responses: { 200: jsonResponse(InspectorListSchema, 'The inspectors') },
    }),
    async (c) =>
      c.json(await registry.listInspectors(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspectors',
      tags,
      access: 'session',
      summary: 'Register a member of the body’s staff as a certified inspector (admin; the body’s head)',
      request: { body: jsonBody(CertifyInspectorBody) },
      responses: { 201: jsonResponse(InspectorListSchema, 'The body’s inspectors') },
    }),
    async (c) =>
      c.json(await registry.certifyInspector(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspectors/{userId}/deactivate',
      tags,
      access: 'session',
      summary: 'Deactivate an inspector: no new plan may name them (admin; the body’s head)',
      request: { params: InspectorParams },
      responses: { 200: jsonResponse(InspectorListSchema, 'The body’s inspectors') },
    }),
    async (c) =>
      c.json(
        await registry.deactivateInspector(c.get('deps'), c.get('actor'), c.req.valid('param').userId),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspectors/{userId}/conflicts',
      tags,
      access: 'session',
      summary: 'Record a declared conflict of interest: the inspector stands aside from the enterprise',
      request: { params: InspectorParams, body: jsonBody(DeclareConflictBody) },
      responses: { 200: jsonResponse(InspectorListSchema, 'The body’s inspectors') },
    }),
    async (c) =>
      c.json(
        await registry.declareConflict(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').userId,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspection-planning-choices',
      tags,
      access: 'session',
      summary: 'What a plan of one body may name: its published items, inspectors certified today, its staff',
      request: { query: PlanningChoicesQuery },
      responses: { 200: jsonResponse(PlanningChoicesSchema, 'The choices') },
    }),
    async (c) =>
      c.json(
        await registry.getPlanningChoices(c.get('deps'), c.get('actor'), c.req.valid('query').departmentId),
        200,
      ),
  )

  // ── inspections ───────────────────────────────────────────────────────────────────────────

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspections',
      tags,
      access: 'session',
      summary:
        'Plan an inspection or a service visit: published items of the body, two certified inspectors without a conflict (a visit: its staff), the window (a certified inspector of the body; its head)',
      request: { body: jsonBody(PlanInspectionBody) },
      responses: { 201: jsonResponse(InspectionDetailSchema, 'The planned inspection') },
    }),
    async (c) =>
      c.json(await service.planInspection(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspections',
      tags,
      access: 'session',
      summary: 'Inspections, newest plans first (a body’s heads and inspectors: its own; the bureau: all)',
      request: { query: InspectionListQuery },
      responses: { 200: jsonResponse(InspectionListSchema, 'The inspections') },
    }),
    async (c) =>
      c.json(await service.listInspections(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspections/mine',
      tags,
      access: 'session',
      summary: 'The whole inspection history of the caller’s enterprises, with each visit’s rating state',
      responses: { 200: jsonResponse(MyInspectionListSchema, 'The inspections and visits') },
    }),
    async (c) => c.json(await door.listMyInspections(c.get('deps'), c.get('actor')), 200),
  )

  // ── the door ──────────────────────────────────────────────────────────────────────────────

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspections/check/{code}',
      tags,
      access: 'session',
      summary: 'What a scanned check code shows its enterprise: who, what, under which basis and approval',
      request: { params: CheckCodeParams },
      responses: { 200: jsonResponse(CheckViewSchema, 'The visit') },
    }),
    async (c) =>
      c.json(await door.viewCheckCode(c.get('deps'), c.get('actor'), c.req.valid('param').code), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspections/check/{code}/check-in',
      tags,
      access: 'session',
      summary: '确认入企: the enterprise checks the visit in (in its approved window)',
      request: { params: CheckCodeParams, body: jsonBody(VersionBody) },
      responses: { 200: jsonResponse(CheckViewSchema, 'The visit, checked in') },
    }),
    async (c) =>
      c.json(
        await door.checkInInspection(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').code,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspections/check/{code}/refuse',
      tags,
      access: 'session',
      summary: '拒绝: the enterprise refuses the visit at the door, with its reason',
      request: { params: CheckCodeParams, body: jsonBody(ReasonBody) },
      responses: { 200: jsonResponse(CheckViewSchema, 'The visit, refused') },
    }),
    async (c) =>
      c.json(
        await door.refuseInspection(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').code,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspections/unregistered-visit-reports',
      tags,
      access: 'session',
      summary: 'One tap: refuse and report a visit with no code or a code that does not verify',
      request: { body: jsonBody(ReportUnregisteredVisitBody) },
      responses: { 201: jsonResponse(UnregisteredVisitReportSchema, 'The report') },
    }),
    async (c) =>
      c.json(await door.reportUnregisteredVisit(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspections/unregistered-visit-reports',
      tags,
      access: 'session',
      summary: 'Reports of unregistered visits, newest first (the task force, bureau leadership)',
      responses: { 200: jsonResponse(UnregisteredVisitReportListSchema, 'The reports') },
    }),
    async (c) => c.json(await door.listUnregisteredVisitReports(c.get('deps'), c.get('actor')), 200),
  )

  // After the fixed paths above: '/inspections/mine' is not an id.
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspections/{id}',
      tags,
      access: 'session',
      summary:
        'One inspection with its timeline, the caller’s moves and, while it is live, its check code as a QR',
      request: { params: IdParams },
      responses: { 200: jsonResponse(InspectionDetailSchema, 'The inspection') },
    }),
    async (c) =>
      c.json(
        await service.getInspection(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          new URL(c.req.url).origin,
        ),
        200,
      ),
  )

  const moves = [
    [
      'approve',
      DecisionBody,
      'The body’s head approves: the code is live; the enterprise is told',
      service.approveInspection,
    ],
    ['reject', ReasonBody, 'The body’s head rejects the plan, with the reason', service.rejectInspection],
    [
      'cancel',
      ReasonBody,
      'The planner or the body’s head cancels it before it happens',
      service.cancelInspection,
    ],
    [
      'close',
      DecisionBody,
      'Whoever is on it, planned it or heads the body closes a visit that happened',
      service.closeInspection,
    ],
  ] as const
  for (const [segment, body, summary, run] of moves)
    router.openapi(
      defineRoute({
        method: 'post',
        path: `/inspections/{id}/${segment}`,
        tags,
        access: 'session',
        summary,
        request: { params: IdParams, body: jsonBody(body) },
        responses: { 200: jsonResponse(InspectionDetailSchema, 'The inspection after the move') },
      }),
      async (c) =>
        c.json(
          await run(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json') as never),
          200,
        ),
    )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspections/drawn/{drawId}/approve',
      tags,
      access: 'session',
      summary:
        'The body’s head approves at once every inspection a random draw planned for the bodies they head and still planned: each as one approval (timeline, audit, the enterprise told), in batches',
      request: { params: DrawIdParams, body: jsonBody(ApproveDrawnBody) },
      responses: { 200: jsonResponse(ApproveDrawnSchema, 'How many were approved now, of how many') },
    }),
    async (c) =>
      c.json(
        await bulk.approveDrawnInspections(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').drawId,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  return router
}
