import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  BenchmarksQuery,
  BenchmarksSchema,
  CityValueIdParams,
  CityValueSchema,
  EnterOurValueBody,
  OurEntrySchema,
  SaveCityValueBody,
} from './benchmarks.schema'
import * as service from './benchmarks.service'

const tags = ['benchmarks']

/** Parse, call the service, present: the rules and the permission checks are in the service. */
export function benchmarksRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/benchmarks',
      tags,
      access: 'session',
      summary:
        'The benchmarks of a year by indicator: ours (computed or entered), the benchmark cities’, the best, the gap and the trend',
      request: { query: BenchmarksQuery },
      responses: { 200: jsonResponse(BenchmarksSchema, 'The benchmarks') },
    }),
    async (c) =>
      c.json(await service.readBenchmarks(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/benchmarks/entries',
      tags,
      access: 'session',
      summary:
        'Enter our value of an entered indicator for a year or month, with its source (bureau leader, admin)',
      request: { body: jsonBody(EnterOurValueBody) },
      responses: { 200: jsonResponse(OurEntrySchema, 'The entry') },
    }),
    async (c) => c.json(await service.enterOurValue(c.get('deps'), c.get('actor'), c.req.valid('json')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/benchmarks/city-values',
      tags,
      access: 'session',
      summary:
        'Save a benchmark city’s value of an indicator for a year, with its source (bureau leader, admin)',
      request: { body: jsonBody(SaveCityValueBody) },
      responses: { 200: jsonResponse(CityValueSchema, 'The city’s value') },
    }),
    async (c) => c.json(await service.saveCityValue(c.get('deps'), c.get('actor'), c.req.valid('json')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'delete',
      path: '/benchmarks/city-values/{id}',
      tags,
      access: 'session',
      summary: 'Remove a benchmark city’s value entered by mistake (bureau leader, admin)',
      request: { params: CityValueIdParams },
      responses: { 200: jsonResponse(z.object({ deleted: z.literal(true) }), 'Removed') },
    }),
    async (c) => {
      await service.deleteCityValue(c.get('deps'), c.get('actor'), c.req.valid('param').id)
      return c.json({ deleted: true as const }, 200)
    },
  )

  return router
}
