import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  BundleApplicationListSchema,
  BundleApplicationSchema,
  BundleBody,
  BundleFormBody,
  BundleGuideSchema,
  BundleIdParams,
  BundleListSchema,
  BundleMonitorQuery,
  BundleMonitorSchema,
  BundleResultPackSchema,
  OpenBundleApplicationBody,
} from './bundles.schema'
import * as service from './bundles.service'

const tags = ['services']

/** Bundles (一件事一次办): parse, call the service, present. The rules and permission checks are in the service. */
export function bundleRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundles',
      tags,
      access: 'public',
      summary: 'Published bundles (一件事) with the time and materials each saves (public)',
      responses: { 200: jsonResponse(BundleListSchema, 'The bundles') },
    }),
    async (c) => c.json(await service.listBundles(c.get('deps')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundles/{id}',
      tags,
      access: 'public',
      summary: 'The guide of a bundle: its matters, the merged materials, what it saves (public)',
      request: { params: BundleIdParams },
      responses: { 200: jsonResponse(BundleGuideSchema, 'The guide') },
    }),
    async (c) =>
      c.json(await service.getBundleGuide(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/bundles',
      tags,
      access: 'session',
      summary: 'Create an unpublished bundle of matters (the bureau)',
      request: { body: jsonBody(BundleBody) },
      responses: { 201: jsonResponse(BundleGuideSchema, 'The bundle') },
    }),
    async (c) => c.json(await service.createBundle(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/services/bundles/{id}',
      tags,
      access: 'session',
      summary: 'Rewrite an unpublished bundle (the bureau)',
      request: { params: BundleIdParams, body: jsonBody(BundleBody) },
      responses: { 200: jsonResponse(BundleGuideSchema, 'The bundle') },
    }),
    async (c) =>
      c.json(
        await service.updateBundle(
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
      method: 'post',
      path: '/services/bundles/{id}/publish',
      tags,
      access: 'session',
      summary:
        'Publish a bundle: refused unless it is shorter than its matters and its merged form has no conflict',
      request: { params: BundleIdParams },
      responses: { 200: jsonResponse(BundleGuideSchema, 'The published bundle') },
    }),
    async (c) =>
      c.json(await service.publishBundle(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/bundle-applications',
      tags,
      access: 'session',
      summary: 'Open a bundle application: a draft child application per matter of the bundle',
      request: { body: jsonBody(OpenBundleApplicationBody) },
      responses: { 201: jsonResponse(BundleApplicationSchema, 'The bundle application') },
    }),
    async (c) =>
      c.json(await service.openBundleApplication(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundle-applications/mine',
      tags,
      access: 'session',
      summary: 'The bundle applications the caller opened, newest first, each with its combined status',
      responses: { 200: jsonResponse(BundleApplicationListSchema, 'The bundle applications') },
    }),
    async (c) => c.json(await service.listMyBundleApplications(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundle-applications/monitor',
      tags,
      access: 'session',
      summary:
        'The bundle monitor: submitted bundle applications with each part’s department, state and clock',
      request: { query: BundleMonitorQuery },
      responses: { 200: jsonResponse(BundleMonitorSchema, 'The bundle applications') },
    }),
    async (c) =>
      c.json(await service.listBundleMonitor(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundle-applications/{id}',
      tags,
      access: 'session',
      summary: 'One bundle application of the caller: merged form, answers, combined status, parts',
      request: { params: BundleIdParams },
      responses: { 200: jsonResponse(BundleApplicationSchema, 'The bundle application') },
    }),
    async (c) =>
      c.json(await service.getBundleApplication(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/services/bundle-applications/{id}/form',
      tags,
      access: 'session',
      summary: 'Autosave the merged form of a draft bundle application',
      request: { params: BundleIdParams, body: jsonBody(BundleFormBody) },
      responses: { 200: jsonResponse(BundleApplicationSchema, 'The bundle application') },
    }),
    async (c) =>
      c.json(
        await service.saveBundleApplicationForm(
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
      method: 'post',
      path: '/services/bundle-applications/{id}/submit',
      tags,
      access: 'session',
      summary: 'Submit a bundle application: every part at once, or none',
      request: { params: BundleIdParams },
      responses: { 200: jsonResponse(BundleApplicationSchema, 'The submitted bundle application') },
    }),
    async (c) =>
      c.json(
        await service.submitBundleApplication(c.get('deps'), c.get('actor'), c.req.valid('param').id),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundle-applications/{id}/results',
      tags,
      access: 'session',
      summary: 'The result pack: every part’s decision, certificate and notices',
      request: { params: BundleIdParams },
      responses: { 200: jsonResponse(BundleResultPackSchema, 'The result pack') },
    }),
    async (c) =>
      c.json(await service.getBundleResultPack(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  return router
}
