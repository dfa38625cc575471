import { z } from '@hono/zod-openapi'
import { AppError } from '../../kernel/errors'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import { fieldErrorsOf } from '../../kernel/http/validation'
import {
  AcceptReportBody,
  CloseReportBody,
  EvidenceParams,
  FiledReportSchema,
  FileReportBody,
  FindingsBody,
  FollowedReportSchema,
  FollowReportBody,
  NotAcceptReportBody,
  NotifyResultBody,
  ProposeExposureBody,
  ReporterSchema,
  ReportIdParams,
  ReportListQuery,
  ReportPageSchema,
  ReportSchema,
  TransferReportBody,
  VersionBody,
} from './misconduct-reports.schema'
import * as service from './misconduct-reports.service'

const tags = ['misconduct-reports']
export const FILE_REPORT_PATH = '/public/misconduct-reports'

/** The `report` field of the multipart filing, parsed as JSON and checked like any body. */
function parseReportField(value: unknown) {
  let json: unknown
  try {
    json = JSON.parse(typeof value === 'string' ? value : '')
  } catch {
    throw new AppError('INVALID_JSON')
  }
  const parsed = FileReportBody.safeParse(json)
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', { fields: fieldErrorsOf(parsed.error, 'report') })
  return parsed.data
}

async function filesOf(value: unknown) {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value]
  const files = []
  for (const f of list) {
    if (!(f instanceof File)) throw new AppError('VALIDATION_FAILED', { fields: { files: 'file' } })
    files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })
  }
  return files
}

export function misconductReportsRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: FILE_REPORT_PATH,
      tags,
      access: 'public',
      summary:
        'File a misconduct report (anyone; anonymous or real-name) with up to 5 evidence files; answers the receipt code once',
      request: {
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                report: z.string().openapi({ description: 'the report as JSON (FileReportBody)' }),
                files: z
                  .any()
                  .optional()
                  .openapi({ type: 'array', items: { type: 'string', format: 'binary' } }),
              }),
            },
          },
        },
      },
      responses: { 201: jsonResponse(FiledReportSchema, 'Filed: keep the receipt code') },
    }),
    async (c) => {
      const form = c.req.valid('form') as { report?: unknown; files?: unknown }
      const input = parseReportField(form.report)
      const files = await filesOf(form.files)
      return c.json(await service.fileReport(c.get('deps'), c.get('actor'), input, files), 201)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/public/misconduct-reports/follow',
      tags,
      access: 'public',
      summary: 'Follow a report by its receipt code (rate-limited; a wrong code answers as a missing one)',
      request: { body: jsonBody(FollowReportBody) },
      responses: { 200: jsonResponse(FollowedReportSchema, 'Where the report stands') },
    }),
    async (c) =>
      c.json(await service.followReport(c.get('deps'), c.req.valid('json').receiptCode, c.get('ip')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/misconduct-reports',
      tags,
      access: 'session',
      summary: 'Misconduct reports, newest first (discipline inspection only)',
      request: { query: ReportListQuery },
      responses: { 200: jsonResponse(ReportPageSchema, 'A page of reports') },
    }),
    async (c) => c.json(await service.listReports(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/misconduct-reports/{id}',
      tags,
      access: 'session',
      summary: 'One report with its clocks, evidence and timeline (discipline inspection only; no reporter)',
      request: { params: ReportIdParams },
      responses: { 200: jsonResponse(ReportSchema, 'The report') },
    }),
    async (c) => c.json(await service.getReport(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/misconduct-reports/{id}/evidence/{evidenceId}',
      tags,
      access: 'session',
      summary: 'One evidence file (discipline inspection only)',
      request: { params: EvidenceParams },
      responses: {
        200: { description: 'The file', content: { 'application/octet-stream': { schema: z.any() } } },
      },
    }),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param')
      const file = await service.getEvidenceFile(c.get('deps'), c.get('actor'), id, evidenceId)
      return c.body(new Uint8Array(file.content), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'Cache-Control': 'no-store',
      })
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/misconduct-reports/{id}/reporter',
      tags,
      access: 'session',
      summary:
        'Open the sealed reporter identity (discipline inspection only; recorded on the timeline and audit trail)',
      request: { params: ReportIdParams },
      responses: { 200: jsonResponse(ReporterSchema, 'The reporter') },
    }),
    async (c) =>
      c.json(await service.revealReporter(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  // The moves of discipline inspection: each answers the report as it now stands.
  const move = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (
      deps: Parameters<typeof service.getReport>[0],
      actor: Parameters<typeof service.getReport>[1],
      id: string,
      input: z.infer<B>,
    ) => Promise<unknown>,
  ) =>
    router.openapi(
      defineRoute({
        method: 'post',
        path: `/misconduct-reports/{id}/${path}`,
        tags,
        access: 'session',
        summary,
        request: { params: ReportIdParams, body: jsonBody(body) },
        responses: { 200: jsonResponse(ReportSchema, 'The report') },
      }),
      async (c) => {
        // one handler for every move: the generic route's input types do not survive the helper
        const valid = c.req.valid.bind(c.req) as unknown as (target: 'param' | 'json') => unknown
        const { id } = valid('param') as { id: string }
        const answer = await run(c.get('deps'), c.get('actor'), id, valid('json') as z.infer<B>)
        return c.json(answer as z.infer<typeof ReportSchema>, 200)
      },
    )

  move('accept', 'Accept the report (the reporter is told)', AcceptReportBody, service.acceptReport)
  move(
    'not-accept',
    'Do not accept the report, with the reason',
    NotAcceptReportBody,
    service.notAcceptReport,
  )
  move(
    'transfer',
    'Transfer to the organ it belongs to (within 5 working days)',
    TransferReportBody,
    service.transferReport,
  )
  move('investigate', 'Start the investigation', VersionBody, (d, a, id, b) =>
    service.investigateReport(d, a, id, b.version),
  )
  move('findings', 'Record the findings', FindingsBody, service.recordFindings)
  move(
    'close',
    'Close with the result (the reporter is owed it within 15 working days)',
    CloseReportBody,
    service.closeReport,
  )
  move(
    'result-notice',
    'Record that the reporter was told the result',
    NotifyResultBody,
    service.notifyResult,
  )
  move(
    'supervision',
    'Open a supervision case against the accused department from the findings',
    VersionBody,
    (d, a, id, b) => service.openSupervisionForReport(d, a, id, b.version),
  )
  move(
    'exposure-proposal',
    'Propose the findings for the exposure board',
    ProposeExposureBody,
    service.proposeExposureForReport,
  )

  return router
}
