import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  DateParams,
  DaysQuery,
  DaysResponse,
  DueQuery,
  DueResponse,
  NoticeBody,
  NoticeSchema,
  OverrideBody,
  OverrideSchema,
  SettingsSchema,
  UpdateSettingsBody,
  YearParams,
} from './calendar.schema'
import './calendar.messages'
import * as service from './calendar.service'

const tags = ['calendar']
const ok = z.object({ ok: z.literal(true) })

export function calendarRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/calendar/days',
      tags,
      access: 'public',
      summary: 'Working days, holidays and make-up working days in a date range',
      request: { query: DaysQuery },
      responses: { 200: jsonResponse(DaysResponse, 'The days') },
    }),
    async (c) => c.json(await service.listDays(c.get('deps'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/calendar/due',
      tags,
      access: 'public',
      summary: 'A due instant after n working days, or after n working hours',
      description:
        'workingDays: the start day is not counted; the due instant is the end of working hours of the n-th working day after it. ' +
        'workingHours: counts working time only, from the start (or the next working slot when the start is outside working time).',
      request: { query: DueQuery },
      responses: { 200: jsonResponse(DueResponse, 'The due instant') },
    }),
    async (c) => c.json(await service.computeDue(c.get('deps'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/calendar/settings',
      tags,
      access: 'public',
      summary: 'Working hours and time zone',
      responses: { 200: jsonResponse(SettingsSchema, 'Settings') },
    }),
    async (c) => c.json(await service.getSettings(c.get('deps')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/calendar/settings',
      tags,
      access: 'session',
      summary: 'Change the working hours (admin)',
      request: { body: jsonBody(UpdateSettingsBody) },
      responses: { 200: jsonResponse(SettingsSchema, 'Settings') },
    }),
    async (c) =>
      c.json(await service.updateSettings(c.get('deps'), c.get('actor'), c.req.valid('json')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/calendar/overrides',
      tags,
      access: 'session',
      summary: 'City-specific day overrides (admin)',
      responses: { 200: jsonResponse(z.object({ items: z.array(OverrideSchema) }), 'Overrides') },
    }),
    async (c) => c.json({ items: await service.listOverrides(c.get('deps'), c.get('actor')) }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/calendar/overrides/{date}',
      tags,
      access: 'session',
      summary: 'Set a city override for one day (admin)',
      request: { params: DateParams, body: jsonBody(OverrideBody) },
      responses: { 200: jsonResponse(OverrideSchema, 'Saved') },
    }),
    async (c) =>
      c.json(
        await service.putOverride(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').date,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'delete',
      path: '/calendar/overrides/{date}',
      tags,
      access: 'session',
      summary: 'Remove a city override (admin)',
      request: { params: DateParams },
      responses: { 200: jsonResponse(ok, 'Removed') },
    }),
    async (c) => {
      await service.removeOverride(c.get('deps'), c.get('actor'), c.req.valid('param').date)
      return c.json({ ok: true as const }, 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/calendar/notices',
      tags,
      access: 'session',
      summary: 'Holiday notices entered by administrators (admin)',
      responses: { 200: jsonResponse(z.object({ items: z.array(NoticeSchema) }), 'Notices') },
    }),
    async (c) => c.json({ items: await service.listNotices(c.get('deps'), c.get('actor')) }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/calendar/notices/{year}',
      tags,
      access: 'session',
      summary: "Enter a year's State Council holiday notice (admin)",
      request: { params: YearParams, body: jsonBody(NoticeBody) },
      responses: { 200: jsonResponse(NoticeSchema, 'Saved') },
    }),
    async (c) =>
      c.json(
        await service.putNotice(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').year,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'delete',
      path: '/calendar/notices/{year}',
      tags,
      access: 'session',
      summary: "Remove a year's entered notice (admin)",
      request: { params: YearParams },
      responses: { 200: jsonResponse(ok, 'Removed') },
    }),
    async (c) => {
      await service.removeNotice(c.get('deps'), c.get('actor'), c.req.valid('param').year)
      return c.json({ ok: true as const }, 200)
    },
  )

  return router
}
