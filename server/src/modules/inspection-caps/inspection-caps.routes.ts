import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  AddCapVersionBody,
  CapSettingsAnswer,
  CreateJointVisitBody,
  DecideExemptionBody,
  ExemptionIdParams,
  ExemptionListQuery,
  ExemptionRequestListSchema,
  ExemptionRequestSchema,
  HighFrequencyQuery,
  HighFrequencySchema,
  JointProposalListSchema,
  JointProposalsQuery,
  JointVisitSchema,
  RequestExemptionBody,
} from './inspection-caps.schema'
import * as settings from './cap-settings.service'
import * as exemptions from './exemptions.service'
import * as joint from './joint-visits.service'
import * as frequency from './high-frequency.service'

const tags = ['inspection-caps']

/** Parse, call the service, present: the rules and the permission checks are in the services. */
export function inspectionCapsRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspection-caps/settings',
      tags,
      access: 'session',
      summary: 'The inspection caps in force today and every version by effective date (staff)',
      responses: { 200: jsonResponse(CapSettingsAnswer, 'The caps') },
    }),
    async (c) => c.json(await settings.getCapSettings(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspection-caps/settings/versions',
      tags,
      access: 'session',
      summary:
        'Add a version of the caps taking effect today or later (administrator, bureau leadership); audited',
      request: { body: jsonBody(AddCapVersionBody) },
      responses: { 201: jsonResponse(CapSettingsAnswer, 'The caps with the new version') },
    }),
    async (c) =>
      c.json(await settings.addCapVersion(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspection-caps/exemption-requests',
      tags,
      access: 'session',
      summary: 'Ask the bureau to let one inspection over a cap through, with the reason (the body’s staff)',
      request: { body: jsonBody(RequestExemptionBody) },
      responses: { 201: jsonResponse(ExemptionRequestSchema, 'The request') },
    }),
    async (c) =>
      c.json(await exemptions.requestExemption(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspection-caps/exemption-requests',
      tags,
      access: 'session',
      summary: 'Exemption requests, newest first (the bureau: all; a body’s staff: their body’s)',
      request: { query: ExemptionListQuery },
      responses: { 200: jsonResponse(ExemptionRequestListSchema, 'The requests') },
    }),
    async (c) =>
      c.json(await exemptions.listExemptions(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspection-caps/exemption-requests/{id}/decision',
      tags,
      access: 'session',
      summary: 'Grant or refuse an exemption request, with a note (task force, bureau leadership); audited',
      request: { params: ExemptionIdParams, body: jsonBody(DecideExemptionBody) },
      responses: { 200: jsonResponse(ExemptionRequestSchema, 'The decided request') },
    }),
    async (c) =>
      c.json(
        await exemptions.decideExemption(
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
      path: '/inspection-caps/joint-proposals',
      tags,
      access: 'session',
      summary:
        'Inspections of one enterprise by several bodies within the window of each other, proposed as one joint visit (综合查一次)',
      request: { query: JointProposalsQuery },
      responses: { 200: jsonResponse(JointProposalListSchema, 'The proposals') },
    }),
    async (c) =>
      c.json(await joint.listJointProposals(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inspection-caps/joint-visits',
      tags,
      access: 'session',
      summary:
        'Merge chosen inspections of one enterprise into one joint visit on one day (the bureau); audited',
      request: { body: jsonBody(CreateJointVisitBody) },
      responses: { 201: jsonResponse(JointVisitSchema, 'The joint visit') },
    }),
    async (c) =>
      c.json(await joint.createJointVisit(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inspection-caps/high-frequency',
      tags,
      access: 'session',
      summary:
        'Enterprises inspected too often in a year: near or over a cap, or over the flag count (the bureau)',
      request: { query: HighFrequencyQuery },
      responses: { 200: jsonResponse(HighFrequencySchema, 'The flagged enterprises') },
    }),
    async (c) =>
      c.json(await frequency.listHighFrequency(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  return router
}
