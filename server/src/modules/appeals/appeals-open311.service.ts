import type { AppDeps } from '../../kernel/http/app-env'
import { notFound } from '../../kernel/errors'
import { APPEAL_STATES, OPEN_STATES } from './appeal-states'
import * as q from './appeals.queries'

/**
 * Open311 GeoReport v2, read side (JSON): the catalogue as services, and the appeals an enterprise
 * allowed to be public (and did not hide its identity in) as service requests, so existing civic
 * tools can read the pool. Nothing here names an enterprise.
 */
export async function open311Services(deps: AppDeps) {
  const categories = await q.findCategories(deps.db, true)
  return categories.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.name_en,
    metadata: false,
    type: 'realtime' as const,
    keywords: '',
    group: '企业诉求',
  }))
}

const DAY = 86_400_000

type RequestsQuery = {
  service_request_id?: string | undefined
  service_code?: string | undefined
  start_date?: string | undefined
  end_date?: string | undefined
  status?: 'open' | 'closed' | undefined
}

export async function open311Requests(deps: AppDeps, query: RequestsQuery) {
  const to = query.end_date ? new Date(query.end_date) : new Date()
  // The spec's default window: the last 90 days, at most 1000 requests.
  const from = query.start_date ? new Date(query.start_date) : new Date(to.getTime() - 90 * DAY)
  const rows = await q.findPublicAppeals(
    deps.db,
    {
      numbers: query.service_request_id
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      categoryCode: query.service_code,
      from,
      to,
      statuses:
        query.status === 'open'
          ? OPEN_STATES
          : query.status === 'closed'
            ? (Object.keys(APPEAL_STATES) as (keyof typeof APPEAL_STATES)[]).filter(
                (s) => APPEAL_STATES[s] === 'closed',
              )
            : undefined,
    },
    1000,
  )
  return rows.map((r) => ({
    service_request_id: r.number,
    status: APPEAL_STATES[r.status] === 'closed' ? ('closed' as const) : ('open' as const),
    status_notes: r.close_reason ?? r.status,
    service_name: r.category_name,
    service_code: r.category_code,
    description: `${r.title}\n${r.body}`,
    agency_responsible: r.department_name ?? '',
    service_notice: '',
    requested_datetime: r.created_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(),
    expected_datetime: (r.expected_at as Date | null)?.toISOString() ?? null,
    address: r.address ?? '',
    lat: r.latitude,
    long: r.longitude,
    media_url: '',
  }))
}

export async function open311Request(deps: AppDeps, number: string) {
  const [request] = await open311Requests(deps, { service_request_id: number })
  if (!request) throw notFound()
  return [request]
}
