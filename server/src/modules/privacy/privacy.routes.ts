import type { Context } from 'hono'
import { z } from 'zod'
import { clearSessionCookies } from '../../kernel/http/cookies'
import type { AppEnv } from '../../kernel/http/app-env'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import * as consents from './consents.service'
import * as exports from './data-export.service'
import * as documents from './legal-documents.service'
import './privacy.messages'
import {
  AcceptDocumentsBody,
  ConsentStatusSchema,
  EnterpriseExportParams,
  EnterpriseExportSchema,
  ExportFormatQuery,
  LegalDocumentKindParams,
  LegalDocumentListSchema,
  LegalDocumentSchema,
  LegalDocumentVersionParams,
  PersonalExportSchema,
  PublishLegalDocumentBody,
  WithdrawConsentBody,
  WithdrawnSchema,
} from './privacy.schema'

const tags = ['privacy']
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function client(c: Context<AppEnv>): consents.ClientInfo {
  return { ip: c.get('ip'), userAgent: c.req.header('user-agent') ?? null }
}

/** A download: the bytes, their type, and a file name the browser saves them under. */
function download(c: Context<AppEnv>, file: exports.ExportFile) {
  return c.body(new Uint8Array(file.bytes), 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'no-store',
  }) as never
}

const downloadResponses = (schema: z.ZodType, description: string) => ({
  200: {
    description,
    content: {
      'application/json': { schema },
      [XLSX]: { schema: z.string().openapi({ format: 'binary' }) },
    },
  },
  429: { description: 'Too many downloads in the last hour' },
})

export function privacyRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/legal-documents',
      tags,
      access: 'public',
      summary: 'The privacy notice, terms of use and staff notice in effect now (titles and dates)',
      responses: { 200: jsonResponse(LegalDocumentListSchema, 'One per kind') },
    }),
    async (c) => c.json(await documents.listCurrentDocuments(c.get('deps')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/legal-documents/{kind}',
      tags,
      access: 'public',
      summary: 'The version of a document in effect now, whole, in the request’s language',
      request: { params: LegalDocumentKindParams },
      responses: { 200: jsonResponse(LegalDocumentSchema, 'The document') },
    }),
    async (c) => c.json(await documents.getCurrentDocument(c.get('deps'), c.req.valid('param').kind), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/legal-documents/{kind}/versions',
      tags,
      access: 'public',
      summary: 'Every version of a document, newest first, with what changed and when it took effect',
      request: { params: LegalDocumentKindParams },
      responses: { 200: jsonResponse(LegalDocumentListSchema, 'The versions') },
    }),
    async (c) => c.json(await documents.listDocumentVersions(c.get('deps'), c.req.valid('param').kind), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/legal-documents/{kind}/versions/{version}',
      tags,
      access: 'public',
      summary: 'One version of a document, whole (earlier versions stay readable)',
      request: { params: LegalDocumentVersionParams },
      responses: { 200: jsonResponse(LegalDocumentSchema, 'The version') },
    }),
    async (c) => {
      const { kind, version } = c.req.valid('param')
      return c.json(await documents.getDocumentVersion(c.get('deps'), kind, version), 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/legal-documents/{kind}/versions',
      tags,
      access: 'session',
      summary:
        'Publish a new version (admins): both languages, what changed, the date it takes effect; everyone is asked again from that day',
      request: { params: LegalDocumentKindParams, body: jsonBody(PublishLegalDocumentBody) },
      responses: { 201: jsonResponse(LegalDocumentSchema, 'The new version') },
    }),
    async (c) =>
      c.json(
        await documents.publishDocument(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').kind,
          c.req.valid('json'),
        ),
        201,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/consents/mine',
      tags,
      access: 'session',
      allowPendingConsent: true,
      // the order of the two first steps is the app's: accepting first is harmless
      allowPendingPasswordChange: true,
      summary: 'What I must still accept (whole, with what changed) and every acceptance I gave',
      responses: { 200: jsonResponse(ConsentStatusSchema, 'My consent status') },
    }),
    async (c) => c.json(await consents.getConsentStatus(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/consents',
      tags,
      access: 'session',
      allowPendingConsent: true,
      // the order of the two first steps is the app's: accepting first is harmless
      allowPendingPasswordChange: true,
      summary: 'Accept the current versions I read (recorded with time, address and browser)',
      request: { body: jsonBody(AcceptDocumentsBody) },
      responses: { 200: jsonResponse(ConsentStatusSchema, 'My consent status after accepting') },
    }),
    async (c) =>
      c.json(
        await consents.acceptDocuments(c.get('deps'), c.get('actor'), c.req.valid('json'), client(c)),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/consents/withdraw',
      tags,
      access: 'session',
      allowPendingConsent: true,
      summary:
        'Withdraw my consent (enterprise users): signed out everywhere, asked again before the next use',
      request: { body: jsonBody(WithdrawConsentBody) },
      responses: { 200: jsonResponse(WithdrawnSchema, 'Withdrawn') },
    }),
    async (c) => {
      const result = await consents.withdrawConsent(c.get('deps'), c.get('actor'), c.req.valid('json'))
      clearSessionCookies(c)
      return c.json(result, 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/privacy/my-data',
      tags,
      access: 'session',
      allowPendingConsent: true,
      summary:
        'Download my own account data (JSON or xlsx): account, enterprises, consents, devices, messages',
      request: { query: ExportFormatQuery },
      responses: downloadResponses(PersonalExportSchema, 'The file'),
    }),
    async (c) =>
      download(
        c,
        await exports.exportPersonalData(c.get('deps'), c.get('actor'), c.req.valid('query').format),
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/data-export',
      tags,
      access: 'session',
      summary:
        'Download everything the platform holds about the enterprise (its managers; JSON or xlsx, one sheet per kind)',
      request: { params: EnterpriseExportParams, query: ExportFormatQuery },
      responses: downloadResponses(EnterpriseExportSchema, 'The file'),
    }),
    async (c) =>
      download(
        c,
        await exports.exportEnterpriseData(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('query').format,
        ),
      ),
  )

  return router
}
