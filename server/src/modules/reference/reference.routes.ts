import { z } from 'zod'
import { createRouter, defineRoute, jsonResponse } from '../../kernel/http/route'
import * as service from './reference.service'

const tags = ['reference']

export function referenceRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/reference/divisions',
      tags,
      access: 'public',
      summary: 'GB/T 2260 divisions below a parent (default: the districts and counties of this city)',
      request: {
        query: z.strictObject({
          parent: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                level: z.string(),
                parentCode: z.string().nullable(),
              }),
            ),
          }),
          'Divisions',
        ),
      },
    }),
    async (c) => c.json({ items: service.listDivisions(c.get('deps'), c.req.valid('query').parent) }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/reference/divisions/{code}',
      tags,
      access: 'public',
      summary:
        'One GB/T 2260 division (any level, or 100000 for the state) with its full name and whether it is this city: what the web needs to check a credit code’s positions 3–8 without carrying the table',
      request: { params: z.strictObject({ code: z.string().regex(/^\d{6}$/) }) },
      responses: {
        200: jsonResponse(
          z.object({ code: z.string(), name: z.string(), fullName: z.string(), isInCity: z.boolean() }),
          'The division',
        ),
      },
    }),
    async (c) => c.json(service.lookupDivision(c.get('deps'), c.req.valid('param').code), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/reference/industries',
      tags,
      access: 'public',
      summary: 'GB/T 4754-2017 sections and divisions',
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                divisions: z.array(z.object({ code: z.string(), name: z.string() })),
              }),
            ),
          }),
          'Industries',
        ),
      },
    }),
    async (c) => c.json({ items: service.listIndustries() }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/reference/enterprise-tags',
      tags,
      access: 'public',
      summary: 'Recognitions and kinds an enterprise profile can carry',
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }),
          'Tags',
        ),
      },
    }),
    async (c) => c.json({ items: service.listEnterpriseTags() }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/reference/city',
      tags,
      access: 'public',
      summary: 'The city this deployment serves',
      responses: {
        200: jsonResponse(
          z.object({ key: z.string(), name: z.string(), divisionCode: z.string(), bureauName: z.string() }),
          'City',
        ),
      },
    }),
    async (c) => c.json(service.describeCity(c.get('deps')), 200),
  )

  return router
}
