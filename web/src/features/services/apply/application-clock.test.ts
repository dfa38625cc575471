import { describe, expect, it } from 'vitest'
import type { Application } from '../services.api'
import { clockOf } from './application-clock'

const base: Application = {
  id: 'a',
  enterpriseId: 'e',
  title: '食品经营许可',
  status: 'submitted',
  createdAt: '2026-03-01T00:00:00Z',
  submittedAt: '2026-03-02T02:00:00Z',
  version: 1,
  matterId: 'm',
  receivedAt: '2026-03-02T02:00:00Z',
  completenessDueAt: '2026-03-08T16:00:00Z', // 00:00 of 9 March in the city: the last day is the 8th
  supplementItems: [],
  supplementDueAt: '2026-03-10T16:00:00Z',
  supplementAnsweredAt: null,
  acceptedAt: null,
  acceptedFrom: null,
  deemedAccepted: false,
  notAcceptedReason: null,
  notAcceptedReferTo: null,
  decisionDueAt: '2026-03-20T16:00:00Z',
  statutoryDueAt: null,
  extensionDays: 0,
  specialStepKind: null,
  specialStepDueAt: '2026-03-30T16:00:00Z',
  toleranceItems: [],
  toleranceSignedAt: null,
  toleranceDueAt: '2026-03-25T16:00:00Z',
  toleranceFulfilledAt: null,
}

describe('clockOf', () => {
  it.each<[string, Partial<Application>, ReturnType<typeof clockOf>]>([
    ['the completeness check', {}, { key: 'completeness', date: '2026-03-08' }],
    ['a supplement', { status: 'supplement_requested' }, { key: 'supplement', date: '2026-03-10' }],
    ['the decision', { status: 'accepted' }, { key: 'decision', date: '2026-03-20' }],
    ['deemed accepted', { status: 'accepted', deemedAccepted: true }, { key: 'deemed', date: '2026-03-20' }],
    [
      'materials owed under 容缺',
      { status: 'accepted', toleranceItems: ['场所平面图'] },
      { key: 'tolerance', date: '2026-03-25' },
    ],
    ['a special step', { status: 'special_step' }, { key: 'specialStep', date: '2026-03-30' }],
    ['a decided application', { status: 'approved' }, null],
    ['a draft', { status: 'draft', completenessDueAt: null }, null],
    ['no due date yet', { completenessDueAt: null }, null],
  ])('%s', (_, change, expected) => {
    expect(clockOf({ ...base, ...change })).toEqual(expected)
  })
})
