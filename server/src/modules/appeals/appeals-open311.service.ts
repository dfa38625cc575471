import { cityProfile } from '../../kernel/city'
import { currentLocale } from '../../kernel/context'
import { notFound, validationFailed, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { stripImageMetadata } from '../../kernel/image-metadata'
import { FIRST_YEAR, instantProblem, LAST_YEAR } from '../../shared/dates'
import { APPEAL_STATES, type AppealState } from './appeal-states'
import { findCatalogueChangedAt, findCategories, findCategory } from './appeals-catalogue.queries'
import { findPublicAppeals, findPublicMedia } from './appeals-open311.queries'
import './open311.messages'

/**
 * Open311 GeoReport v2, read side: the catalogue as services, and the appeals an enterprise allowed
 * to be public (and did not hide its identity in) as service requests, so civic tools can read the
 * pool. Nothing here names an enterprise, and nothing of an appeal that is not public is reachable —
 * not its text, not its images. Every endpoint is public: there is nothing to write, so no API key.
 * The routes turn these values into JSON or XML; `baseUrl` makes the absolute URLs the spec asks for.
 */

export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2'
export const OPEN311_FORMATS = ['text/xml', 'application/json'] as const

const DAY = 86_400_000
/** The spec's default and largest window for a request search, and its most requests per answer. */
const WINDOW_DAYS = 90
const MAX_REQUESTS = 1000
// W3C date-time (the spec's "w3 format"): seconds optional, a zone always.
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/

/** Where the endpoints live, for discovery and media URLs: PUBLIC_URL if set, else the request's. */
export function open311BaseUrl(deps: AppDeps, requestOrigin: string): string {
  return (deps.config.publicUrl ?? requestOrigin).replace(/\/+$/, '')
}

/** The discovery document: who runs this, how to get a key (none needed), and the v2 endpoint. */
export async function open311Discovery(deps: AppDeps, baseUrl: string) {
  const city = cityProfile(deps.config.city)
  const en = currentLocale() === 'en'
  const changed = await findCatalogueChangedAt(deps.db)
  // Sortable, as the spec asks; a catalogue nobody changed since set-up sorts before any change.
  const changeset = (changed ?? new Date(0)).toISOString()
  return {
    changeset,
    contact: translate('open311.contact', {
      bureau: en ? city.bureauNameEn : city.bureauNameZh,
      url: baseUrl,
    }),
    key_service: translate('open311.keyService'),
    endpoints: [
      {
        specification: GEOREPORT_V2,
        url: `${baseUrl}/api/open311/v2`,
        changeset,
        type: deps.config.env === 'production' ? ('production' as const) : ('test' as const),
        formats: [...OPEN311_FORMATS],
      },
    ],
  }
}

export async function open311Services(deps: AppDeps) {
  const categories = await findCategories(deps.db, true)
  const en = currentLocale() === 'en'
  return categories.map((c) => ({
    service_code: c.code,
    service_name: en ? c.name_en : c.name,
    description: en ? c.name_en : c.name,
    metadata: false,
    type: 'realtime' as const,
    keywords: en ? c.name : c.name_en,
    group: translate('open311.group'),
  }))
}

/**
 * A service's definition. Every service has metadata=false (no extra attributes), so the spec does
 * not require this call; it answers anyway, with no attributes, and 404 for an unknown code.
 */
export async function open311ServiceDefinition(deps: AppDeps, code: string) {
  const category = await findCategory(deps.db, code)
  if (!category?.is_active) throw notFound()
  return { service_code: category.code, attributes: [] as { code: string; description: string }[] }
}

export type RawRequestsQuery = {
  service_request_id?: string | undefined
  service_code?: string | undefined
  start_date?: string | undefined
  end_date?: string | undefined
  status?: string | undefined
}

/** A comma-delimited argument as its values; empty means "not given" (the spec's optional arguments). */
const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)

/**
 * GET requests: the public appeals of a window of at most 90 days (the last 90 by default), at most
 * 1000, newest first; service_request_id (comma-delimited) overrides every other argument.
 * Refuses: VALIDATION_FAILED (a date not in W3C form or not a real day, an unknown status, a window over 90 days or
 * ending before it starts).
 */
export async function open311Requests(deps: AppDeps, query: RawRequestsQuery, baseUrl: string) {
  const numbers = listOf(query.service_request_id)
  if (numbers.length)
    return present(
      await findPublicAppeals(deps.db, { numbers, from: new Date(0), to: new Date() }, MAX_REQUESTS),
      baseUrl,
    )

  const fields: FieldErrors = {}
  const dateOf = (name: 'start_date' | 'end_date') => {
    const raw = query[name]?.trim()
    if (!raw) return undefined
    const date = new Date(raw)
    if (!W3C_DATETIME.test(raw) || Number.isNaN(date.getTime())) {
      fields[name] = translate('open311.dateFormat')
      return undefined
    }
    // JavaScript reads 2026-02-30T… as 2 March: the date part must name a real day we count with.
    const problem = instantProblem(raw)
    if (problem) {
      fields[name] =
        problem === 'impossible'
          ? translate('fields.impossibleDate')
          : translate('fields.dateOutOfRange', { first: FIRST_YEAR, last: LAST_YEAR })
      return undefined
    }
    return date
  }
  const start = dateOf('start_date')
  const end = dateOf('end_date')
  const statuses = listOf(query.status)
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) fields.status = translate('open311.status')
  if (start && end && end < start) fields.end_date = translate('open311.endBeforeStart')
  else if (start && end && end.getTime() - start.getTime() > WINDOW_DAYS * DAY)
    fields.end_date = translate('open311.windowTooLong', { days: WINDOW_DAYS })
  if (Object.keys(fields).length) throw validationFailed(fields)

  const to = end ?? (start ? new Date(start.getTime() + WINDOW_DAYS * DAY) : new Date())
  const from = start ?? new Date(to.getTime() - WINDOW_DAYS * DAY)
  const wanted = new Set(statuses)
  const states = (Object.keys(APPEAL_STATES) as AppealState[]).filter((s) =>
    wanted.has(APPEAL_STATES[s] === 'closed' ? 'closed' : 'open'),
  )
  const rows = await findPublicAppeals(
    deps.db,
    {
      categoryCodes: listOf(query.service_code),
      from,
      to,
      statuses: wanted.size ? states : undefined,
    },
    MAX_REQUESTS,
  )
  return present(rows, baseUrl)
}

/** GET request: one public appeal by its number, as a list of one (the spec's shape). Refuses: NOT_FOUND. */
export async function open311Request(deps: AppDeps, number: string, baseUrl: string) {
  const rows = await findPublicAppeals(deps.db, { numbers: [number], from: new Date(0), to: new Date() }, 1)
  if (!rows.length) throw notFound()
  return present(rows, baseUrl)
}

/**
 * The first image of a public appeal (the target of media_url), without what the camera wrote
 * about it (EXIF position, device), else NOT_FOUND — also for an image too damaged to clean.
 */
export async function open311Media(deps: AppDeps, attachmentId: string) {
  const media = await findPublicMedia(deps.db, attachmentId)
  const content = media && stripImageMetadata(media.content, media.content_type)
  if (!media || !content) throw notFound()
  return { contentType: media.content_type, content }
}

const MEDIA_EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const

function present(rows: Awaited<ReturnType<typeof findPublicAppeals>>, baseUrl: string) {
  const en = currentLocale() === 'en'
  return rows.map((r) => {
    const isClosed = APPEAL_STATES[r.status] === 'closed'
    const mediaType = r.media_type as keyof typeof MEDIA_EXTENSIONS | null
    return {
      service_request_id: r.number,
      status: isClosed ? ('closed' as const) : ('open' as const),
      status_notes: translate(
        r.status === 'closed' && r.close_reason
          ? `open311.closed.${r.close_reason}`
          : `open311.state.${r.status}`,
      ),
      service_name: en ? r.category_name_en : r.category_name,
      service_code: r.category_code,
      description: `${r.title}\n${r.body}`,
      agency_responsible: r.department_name ?? null,
      service_notice: null,
      requested_datetime: r.created_at.toISOString(),
      updated_datetime: r.updated_at.toISOString(),
      expected_datetime: isClosed ? null : ((r.expected_at as Date | null)?.toISOString() ?? null),
      address: r.address ?? null,
      lat: r.latitude,
      long: r.longitude,
      media_url:
        r.media_id && mediaType && mediaType in MEDIA_EXTENSIONS
          ? `${baseUrl}/api/open311/v2/media/${r.media_id}.${MEDIA_EXTENSIONS[mediaType]}`
          : null,
    }
  })
}
