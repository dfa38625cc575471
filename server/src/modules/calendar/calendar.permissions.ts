import { definePermissionRows } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the calendar module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
  'GET /api/v1/calendar/days': { allow: 'everyone', query: 'from=2026-01-01&to=2026-01-31' },
  'GET /api/v1/calendar/due': { allow: 'everyone', query: 'start=2026-11-27T10:00:00%2B08:00&workingDays=1' },
  'GET /api/v1/calendar/settings': { allow: 'everyone' },
  'PUT /api/v1/calendar/settings': {
    allow: ['admin'],
    body: () => ({ version: 999, workingSlots: [{ start: '09:00', end: '17:00' }] }),
  },
  'GET /api/v1/calendar/overrides': { allow: ['admin'] },
  'PUT /api/v1/calendar/overrides/{date}': {
    allow: ['admin'],
    params: () => ({ date: '2035-01-01' }),
    body: () => ({ isWorkingDay: true, name: '测试' }),
  },
  'DELETE /api/v1/calendar/overrides/{date}': { allow: ['admin'], params: () => ({ date: '2035-01-02' }) },
  'GET /api/v1/calendar/notices': { allow: ['admin'] },
  'PUT /api/v1/calendar/notices/{year}': {
    allow: ['admin'],
    params: () => ({ year: '2040' }),
    body: () => ({ title: '测试通知', holidays: [], makeUpDays: [] }),
  },
  'DELETE /api/v1/calendar/notices/{year}': { allow: ['admin'], params: () => ({ year: '2041' }) },
})
