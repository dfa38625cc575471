import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  {{casePascal}}IdParams,
  {{casePascal}}ListSchema,
  {{casePascal}}Schema,
  Open{{casePascal}}Body,
} from './{{module}}.schema'
import * as service from './{{module}}.service'

const tags = ['{{module}}']

/** Parse, call the service, present: the rules and the permission checks are in the service. */
export function {{moduleCamel}}Routes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/{{module}}/{{cases}}',
      tags,
      access: 'session',
      summary: 'Open a draft {{caseWordsEn}} for an enterprise of the caller',
      request: { body: jsonBody(Open{{casePascal}}Body) },
      responses: { 201: jsonResponse({{casePascal}}Schema, 'The draft') },
    }),
    async (c) =>
      c.json(await service.open{{casePascal}}(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/{{module}}/{{cases}}/mine',
      tags,
      access: 'session',
      summary: 'The {{casesWordsEn}} the caller opened, newest first',
      responses: { 200: jsonResponse({{casePascal}}ListSchema, 'The {{casesWordsEn}}') },
    }),
    async (c) => c.json(await service.listMy{{casesPascal}}(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/{{module}}/{{cases}}/{id}',
      tags,
      access: 'session',
      summary: 'One {{caseWordsEn}} of the caller',
      request: { params: {{casePascal}}IdParams },
      responses: { 200: jsonResponse({{casePascal}}Schema, 'The {{caseWordsEn}}') },
    }),
    async (c) =>
      c.json(await service.get{{casePascal}}(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/{{module}}/{{cases}}/{id}/submit',
      tags,
      access: 'session',
      summary: 'Submit a draft {{caseWordsEn}}',
      request: { params: {{casePascal}}IdParams },
      responses: { 200: jsonResponse({{casePascal}}Schema, 'The submitted {{caseWordsEn}}') },
    }),
    async (c) =>
      c.json(await service.submit{{casePascal}}(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  return router
}
