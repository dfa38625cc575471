import { EnterpriseIdParams } from '../enterprises/enterprises.schema'
import { z } from 'zod'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import { createRouter, defineRoute, fileBody, jsonBody, jsonResponse } from '../../kernel/http/route'
import { readFileField } from '../../kernel/uploads'
import {
  CreateFactDefinitionBody,
  DeclareFactsBody,
  EnterpriseFactsSchema,
  FactDefinitionSchema,
  FactHistoryQuery,
  FactHistorySchema,
  FactKeyParams,
  ImportListSchema,
  ImportReportSchema,
  ImportSourceQuery,
  UpdateFactDefinitionBody,
} from './facts.schema'
import * as importer from './facts-import.service'
import * as registry from './facts-registry-import.service'
import * as definitions from './fact-definitions.service'
import * as values from './enterprise-facts.service'

const tags = ['facts']

export function factRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/facts/definitions',
      tags,
      access: 'public',
      summary:
        'The facts rules can use, with their types and units (public: the policy calculator asks for them)',
      responses: {
        200: jsonResponse(z.object({ items: z.array(FactDefinitionSchema) }), 'Active definitions'),
      },
    }),
    async (c) => c.json({ items: await definitions.listFactDefinitions(c.get('deps')) }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/facts/definitions/all',
      tags,
      access: 'session',
      summary: 'Every definition, retired ones too (admin)',
      responses: { 200: jsonResponse(z.object({ items: z.array(FactDefinitionSchema) }), 'All definitions') },
    }),
    async (c) =>
      c.json({ items: await definitions.listAllFactDefinitions(c.get('deps'), c.get('actor')) }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/facts/definitions',
      tags,
      access: 'session',
      summary: 'Add a fact rules can use, or a derived fact with its formula (admin)',
      request: { body: jsonBody(CreateFactDefinitionBody) },
      responses: { 201: jsonResponse(FactDefinitionSchema, 'Created') },
    }),
    async (c) =>
      c.json(await definitions.createFactDefinition(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/facts/definitions/{key}',
      tags,
      access: 'session',
      summary: 'Change a fact’s names, units, sources or values, or retire it (admin)',
      request: { params: FactKeyParams, body: jsonBody(UpdateFactDefinitionBody) },
      responses: { 200: jsonResponse(FactDefinitionSchema, 'Updated') },
    }),
    async (c) =>
      c.json(
        await definitions.updateFactDefinition(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').key,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/facts',
      tags,
      access: 'session',
      summary:
        'What rules read about an enterprise: each fact’s current value, period and source (members, staff)',
      request: { params: EnterpriseIdParams },
      responses: { 200: jsonResponse(EnterpriseFactsSchema, 'The fact sheet') },
    }),
    async (c) =>
      c.json(await values.getEnterpriseFacts(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprises/{id}/facts',
      tags,
      access: 'session',
      summary: 'Declare facts for the enterprise (members): all or nothing, every bad fact listed',
      request: { params: EnterpriseIdParams, body: jsonBody(DeclareFactsBody) },
      responses: {
        200: jsonResponse(
          EnterpriseFactsSchema.extend({ changed: z.number() }),
          'The fact sheet after the change',
        ),
      },
    }),
    async (c) =>
      c.json(
        await values.declareFacts(
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
      path: '/enterprises/{id}/facts/history',
      tags,
      access: 'session',
      summary: 'Every value ever given for the enterprise’s facts, newest first',
      request: { params: EnterpriseIdParams, query: FactHistoryQuery },
      responses: { 200: jsonResponse(FactHistorySchema, 'History') },
    }),
    async (c) =>
      c.json(
        await values.getFactHistory(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('query').key,
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/facts/imports',
      tags,
      access: 'session',
      summary: `Import a department's data (xlsx or csv): columns ${importer.USCC_COLUMN}, ${importer.PERIOD_COLUMN} and one per fact, titled with its Chinese name (staff of a department that verifies the source)`,
      request: {
        query: ImportSourceQuery,
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
            },
          },
        },
      },
      responses: { 200: jsonResponse(ImportReportSchema, 'One result per row') },
    }),
    async (c) => {
      const file = c.req.valid('form').file as unknown
      if (!(file instanceof File))
        throw new AppError('VALIDATION_FAILED', { fields: { file: translate('facts.import.missingFile') } })
      return c.json(
        await importer.importFacts(c.get('deps'), c.get('actor'), c.req.valid('query').source, {
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        }),
        200,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/facts/registry-imports',
      tags,
      access: 'session',
      summary: `Import the market-regulation registry (xlsx or csv): columns ${Object.values(registry.REGISTRY_COLUMNS).join(', ')} — what a claim by the legal representative's code trusts (the market-regulation department)`,
      request: { body: fileBody() },
      responses: { 200: jsonResponse(ImportReportSchema, 'One result per row') },
    }),
    async (c) =>
      c.json(
        await registry.importRegistry(
          c.get('deps'),
          c.get('actor'),
          await readFileField(c.req.valid('form')),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/facts/imports/sources',
      tags,
      access: 'session',
      summary: 'The sources the caller may import (admin: every source a department verifies)',
      responses: { 200: jsonResponse(z.object({ items: z.array(z.string()) }), 'Sources') },
    }),
    async (c) => c.json(await importer.listImportableSources(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/facts/imports',
      tags,
      access: 'session',
      summary: 'Recent imports of the sources the caller’s department verifies (admin: all)',
      responses: { 200: jsonResponse(ImportListSchema, 'Imports') },
    }),
    async (c) => c.json(await importer.listImports(c.get('deps'), c.get('actor')), 200),
  )

  return router
}
