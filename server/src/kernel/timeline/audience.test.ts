import { describe, expect, it } from 'vitest'
import { presentApplicantTimeline, type ApplicantAllowList, type StoredEvent } from './audience'

const allow: ApplicantAllowList = {
  dispatch: { data: ['lead'], department: true },
  approve_reply: { shownAs: 'reply', department: true },
  pause: { data: ['reason'] },
}

const event = (over: Partial<StoredEvent>): StoredEvent => ({
  id: 1,
  at: new Date('2026-12-04T02:00:00Z'),
  type: 'dispatch',
  audience: 'enterprise',
  note_audience: 'internal',
  note: '内部备注',
  data: { lead: '市住建局', fallback: true, dispatcherPhone: '13900000000' },
  department_name: '市住建局',
  ...over,
})

describe('the applicant’s view of a timeline', () => {
  it.each([
    ['an internal event', event({ audience: 'internal' }), []],
    ['a type not on the list', event({ type: 'return' }), []],
    ['a type that only looks like a list key', event({ type: 'toString' }), []],
    [
      'a listed event: only the listed data, no internal note',
      event({}),
      [{ type: 'dispatch', note: null, data: { lead: '市住建局' }, departmentName: '市住建局' }],
    ],
    [
      'a note addressed to the applicant',
      event({ note_audience: 'enterprise', note: '请留意来电' }),
      [{ type: 'dispatch', note: '请留意来电', data: { lead: '市住建局' } }],
    ],
    [
      'a department the rule does not name',
      event({ type: 'pause', data: { reason: 'awaiting_enterprise', by: 'x' } }),
      [{ type: 'pause', departmentName: null, data: { reason: 'awaiting_enterprise' } }],
    ],
    ['shown under another type', event({ type: 'approve_reply', data: {} }), [{ type: 'reply', data: {} }]],
  ])('%s', (_name, stored, expected) => {
    const shown = presentApplicantTimeline([stored], allow)
    expect(shown).toHaveLength(expected.length)
    expected.forEach((e, i) => expect(shown[i]).toMatchObject(e))
    // Nothing but the six fields of an applicant event, ever.
    for (const s of shown)
      expect(Object.keys(s).sort()).toEqual(['at', 'data', 'departmentName', 'id', 'note', 'type'])
  })
})
