import type { z } from 'zod'
import type {
  DaySchema,
  DaysResponse,
  DueResponse,
  NoticeSchema,
  OverrideSchema,
  SettingsSchema,
  YearCoverageSchema,
} from '@server/modules/calendar/calendar.schema'
import { api } from '../../app/api'

export type CalendarDay = z.infer<typeof DaySchema>
export type YearCoverage = z.infer<typeof YearCoverageSchema>
export type DaysAnswer = z.infer<typeof DaysResponse>
export type DueAnswer = z.infer<typeof DueResponse>
export type CalendarSettings = z.infer<typeof SettingsSchema>
export type WorkingSlot = CalendarSettings['workingSlots'][number]
export type CalendarOverride = z.infer<typeof OverrideSchema>
export type HolidayNotice = z.infer<typeof NoticeSchema>
export type NoticeBody = {
  title: string
  url?: string | null
  publishedOn?: string | null
  holidays: { name: string; from: string; to: string }[]
  makeUpDays: { name: string; date: string }[]
}

export const calendarApi = {
  days: (from: string, to: string) => api.get<DaysAnswer>('/calendar/days', { from, to }),
  due: (start: string, amount: { workingDays: number } | { workingHours: number }) =>
    api.get<DueAnswer>('/calendar/due', { start, ...amount }),
  settings: () => api.get<CalendarSettings>('/calendar/settings'),
  updateSettings: (version: number, workingSlots: WorkingSlot[]) =>
    api.put<CalendarSettings>('/calendar/settings', { version, workingSlots }),
  overrides: () => api.get<{ items: CalendarOverride[] }>('/calendar/overrides'),
  putOverride: (date: string, body: { isWorkingDay: boolean; name: string }) =>
    api.put<CalendarOverride>(`/calendar/overrides/${date}`, body),
  removeOverride: (date: string) => api.delete<{ ok: true }>(`/calendar/overrides/${date}`),
  notices: () => api.get<{ items: HolidayNotice[] }>('/calendar/notices'),
  putNotice: (year: number, body: NoticeBody) => api.put<HolidayNotice>(`/calendar/notices/${year}`, body),
  removeNotice: (year: number) => api.delete<{ ok: true }>(`/calendar/notices/${year}`),
}
