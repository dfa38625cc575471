import { describe, expect, it } from 'vitest'
import { deskReasonOf, type DeskFacts, type DeskReason } from './application-desk-rules'

const NOW = new Date('2026-03-10T02:00:00Z')
const BEFORE = new Date('2026-03-09T09:30:00Z')
const AFTER = new Date('2026-03-11T09:30:00Z')
const none = { completeness_due_at: null, decision_due_at: null, special_step_due_at: null }

const CASES: [string, DeskFacts, DeskReason | null][] = [
  ['refused', { status: 'refused', ...none }, 'refused'],
  ['not accepted', { status: 'not_accepted', ...none }, 'not_accepted'],
  ['terminated', { status: 'terminated', ...none }, 'terminated'],
  ['check late', { status: 'submitted', ...none, completeness_due_at: BEFORE }, 'completeness_overdue'],
  ['check not yet due', { status: 'submitted', ...none, completeness_due_at: AFTER }, null],
  ['check due now: not late yet', { status: 'submitted', ...none, completeness_due_at: NOW }, null],
  ['decision late', { status: 'accepted', ...none, decision_due_at: BEFORE }, 'decision_overdue'],
  ['decision not yet due', { status: 'accepted', ...none, decision_due_at: AFTER }, null],
  ['accepted without a clock', { status: 'accepted', ...none }, null],
  [
    'special step late',
    { status: 'special_step', ...none, special_step_due_at: BEFORE },
    'special_step_overdue',
  ],
  // a special step stops the decision clock: its own limit decides
  ['special step in time', { status: 'special_step', ...none, decision_due_at: BEFORE }, null],
  ['supplement owed', { status: 'supplement_requested', ...none }, 'supplement_unmeetable'],
  ['draft', { status: 'draft', ...none }, null],
  ['approved', { status: 'approved', ...none }, null],
  ['withdrawn', { status: 'withdrawn', ...none }, null],
]

describe('the 办不成事 desk takes an application when', () => {
  it.each(CASES)('%s', (_name, facts, reason) => {
    expect(deskReasonOf(facts, NOW)).toBe(reason)
  })
})
