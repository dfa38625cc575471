import { z } from 'zod'
import { missingUpload } from '../../kernel/uploads'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import * as library from './policy-library.service'
import {
  AttachmentParams,
  CreateItemBody,
  CreatePolicyBody,
  ItemParams,
  PolicyActionBody,
  PolicyIdParams,
  PolicyListQuery,
  PolicyPageSchema,
  PolicySchema,
  PolicyVersionsSchema,
  UpdateItemBody,
  UpdatePolicyBody,
} from './policies.schema'
import * as editing from './policy-editing.service'
import * as reads from './policy-reads.service'
import * as workflow from './policy-workflow.service'

const tags = ['policies']
/** Publishing has its own route: a decision on a preview (publication.routes.ts). */
const ACTIONS = ['submit', 'return', 'revise', 'repeal'] as const

/** The documents and their items: written, reviewed, revised, repealed, with their attachments. */
export function policyRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies',
      tags,
      access: 'session',
      summary: 'Policies for staff: those in force, and drafts of the caller’s department',
      request: { query: PolicyListQuery },
      responses: { 200: jsonResponse(PolicyPageSchema, 'A page of policies') },
    }),
    async (c) => c.json(await reads.listPolicies(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies',
      tags,
      access: 'session',
      summary: 'Start a policy draft (handlers and heads of the owning department, bureau leadership)',
      request: { body: jsonBody(CreatePolicyBody) },
      responses: { 201: jsonResponse(PolicySchema, 'The draft') },
    }),
    async (c) => c.json(await editing.createPolicy(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/{id}',
      tags,
      access: 'session',
      summary: 'A policy’s working copy, its items with their rules, what the caller may do',
      request: { params: PolicyIdParams },
      responses: { 200: jsonResponse(PolicySchema, 'The policy') },
    }),
    async (c) => c.json(await reads.getPolicy(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/policies/{id}',
      tags,
      access: 'session',
      summary: 'Change a draft (or a revision draft)',
      request: { params: PolicyIdParams, body: jsonBody(UpdatePolicyBody) },
      responses: { 200: jsonResponse(PolicySchema, 'The policy') },
    }),
    async (c) =>
      c.json(
        await editing.updatePolicy(
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
      path: '/policies/{id}/versions',
      tags,
      access: 'session',
      summary: 'Every published version',
      request: { params: PolicyIdParams },
      responses: { 200: jsonResponse(PolicyVersionsSchema, 'Versions') },
    }),
    async (c) =>
      c.json(await reads.listPolicyVersions(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/{id}/items',
      tags,
      access: 'session',
      summary: 'Add a benefit item with its conditions (each rule checked against the fact schema)',
      request: { params: PolicyIdParams, body: jsonBody(CreateItemBody) },
      responses: { 200: jsonResponse(PolicySchema, 'The policy') },
    }),
    async (c) =>
      c.json(
        await editing.addItem(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/policies/{id}/items/{itemId}',
      tags,
      access: 'session',
      summary: 'Change a benefit item (or retire it with isActive false)',
      request: { params: ItemParams, body: jsonBody(UpdateItemBody) },
      responses: { 200: jsonResponse(PolicySchema, 'The policy') },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param')
      return c.json(
        await editing.updateItem(c.get('deps'), c.get('actor'), id, itemId, c.req.valid('json')),
        200,
      )
    },
  )

  for (const action of ACTIONS) {
    router.openapi(
      defineRoute({
        method: 'post',
        path: `/policies/{id}/${action}`,
        tags,
        access: 'session',
        summary: {
          submit: 'Submit the draft (or revision) for review',
          return: 'Send it back to the writers with a note (not the submitter)',
          revise: 'Start a revision of a policy in force (the published version stays in force)',
          repeal: 'Repeal a policy in force, with a note',
        }[action],
        request: { params: PolicyIdParams, body: jsonBody(PolicyActionBody) },
        responses: { 200: jsonResponse(PolicySchema, 'The policy') },
      }),
      async (c) =>
        c.json(
          await workflow.actOnPolicy(
            c.get('deps'),
            c.get('actor'),
            c.req.valid('param').id,
            action,
            c.req.valid('json'),
          ),
          200,
        ),
    )
  }

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/{id}/attachments',
      tags,
      access: 'session',
      summary: 'Attach a PDF or image of the document to a draft',
      request: {
        params: PolicyIdParams,
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
            },
          },
        },
      },
      responses: {
        201: jsonResponse(
          z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() }),
          'Stored',
        ),
      },
    }),
    async (c) => {
      const file = c.req.valid('form').file as unknown
      if (!(file instanceof File)) throw missingUpload()
      return c.json(
        await library.uploadPolicyAttachment(c.get('deps'), c.get('actor'), c.req.valid('param').id, {
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        }),
        201,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/{id}/attachments/{attachmentId}',
      tags,
      access: 'public',
      summary: 'An attachment of a policy (public once the policy is in force)',
      request: { params: AttachmentParams },
      responses: { 200: { description: 'The file' } },
    }),
    async (c) => {
      const { id, attachmentId } = c.req.valid('param')
      const row = await library.getPolicyAttachment(c.get('deps'), c.get('actor'), id, attachmentId)
      return c.body(Buffer.from(row.bytes), 200, {
        'content-type': row.content_type,
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
        'x-content-type-options': 'nosniff',
      })
    },
  )

  return router
}
