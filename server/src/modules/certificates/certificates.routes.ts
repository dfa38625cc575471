import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  CertificateIdParams,
  CertificateKeysSchema,
  CertificateListSchema,
  CertificateSchema,
  IssueCertificateBody,
  StatusChangeBody,
  StatusListSchema,
  VerificationSchema,
  VerifyCertificateBody,
  VerifyCertificateQuery,
} from './certificates.schema'
import * as service from './certificates.service'

const tags = ['certificates']
const PDF = 'application/pdf'
const SVG = 'image/svg+xml'

/** Parse, call the service, present: the rules and the permission checks are in the service. */
export function certificatesRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/public/certificates/verify',
      tags,
      access: 'public',
      summary: "Check a certificate's QR payload: signature, then status",
      request: { body: jsonBody(VerifyCertificateBody) },
      responses: { 200: jsonResponse(VerificationSchema, 'The verdict') },
    }),
    async (c) => c.json(await service.verifyCertificate(c.get('deps'), c.req.valid('json').payload), 200),
  )

  // A verification changes nothing: the verify page asks it as a read, with no body to parse.
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/certificates/verify',
      tags,
      access: 'public',
      summary: "Check a certificate's QR payload as a read: the same verdict as the POST",
      request: { query: VerifyCertificateQuery },
      responses: { 200: jsonResponse(VerificationSchema, 'The verdict') },
    }),
    async (c) => c.json(await service.verifyCertificate(c.get('deps'), c.req.valid('query').payload), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/certificates/keys',
      tags,
      access: 'public',
      summary: 'The SM2 public keys that sign certificates, for offline verification',
      responses: { 200: jsonResponse(CertificateKeysSchema, 'The keys') },
    }),
    (c) => c.json(service.listCertificateKeys(c.get('deps')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/certificates/status-list',
      tags,
      access: 'public',
      summary: 'The suspended and revoked certificate numbers, signed and dated',
      responses: { 200: jsonResponse(StatusListSchema, 'The status list') },
    }),
    async (c) => c.json(await service.certificateStatusList(c.get('deps')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/certificates/mine',
      tags,
      access: 'session',
      summary: "The certificates of the caller's enterprises",
      responses: { 200: jsonResponse(CertificateListSchema, 'The certificates') },
    }),
    async (c) => c.json(await service.listMyCertificates(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/certificates',
      tags,
      access: 'session',
      summary: 'Issue a signed certificate to an enterprise (issuing department head or admin)',
      request: { body: jsonBody(IssueCertificateBody) },
      responses: { 201: jsonResponse(CertificateSchema, 'The certificate') },
    }),
    async (c) =>
      c.json(await service.issueCertificate(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/certificates/{id}/pdf',
      tags,
      access: 'session',
      summary: 'The certificate as a PDF, with its QR code (holder, issuing department, admin)',
      request: { params: CertificateIdParams },
      responses: {
        200: {
          description: 'The PDF',
          content: { [PDF]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const { bytes, fileName } = await service.certificatePdf(
        c.get('deps'),
        c.get('actor'),
        c.req.valid('param').id,
        new URL(c.req.url).origin,
      )
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': PDF,
        'content-disposition': `attachment; filename="certificate.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'cache-control': 'private, no-store',
      }) as never
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/certificates/{id}/qr.svg',
      tags,
      access: 'session',
      summary: "The certificate's QR code (the verify URL with its signed payload), as SVG",
      request: { params: CertificateIdParams },
      responses: {
        200: { description: 'The QR code', content: { [SVG]: { schema: z.string() } } },
      },
    }),
    async (c) => {
      const svg = await service.certificateQrSvg(
        c.get('deps'),
        c.get('actor'),
        c.req.valid('param').id,
        new URL(c.req.url).origin,
      )
      return c.body(svg, 200, {
        'content-type': SVG,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      }) as never
    },
  )

  for (const move of ['suspend', 'reinstate', 'revoke'] as const) {
    router.openapi(
      defineRoute({
        method: 'post',
        path: `/certificates/{id}/${move}`,
        tags,
        access: 'session',
        summary: `${move[0]!.toUpperCase()}${move.slice(1)} a certificate, with a reason (audited)`,
        request: { params: CertificateIdParams, body: jsonBody(StatusChangeBody) },
        responses: { 200: jsonResponse(CertificateSchema, 'The certificate') },
      }),
      async (c) =>
        c.json(
          await service.changeCertificateStatus(
            c.get('deps'),
            c.get('actor'),
            c.req.valid('param').id,
            move,
            c.req.valid('json').reason,
          ),
          200,
        ),
    )
  }

  return router
}
