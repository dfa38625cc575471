import { describe, expect, it } from 'vitest'
import { checkInspectionTeam, type InspectorFacts, type TeamPlan } from './inspection-team-rules'

const BODY = 'body-a'
const fact = (userId: string, over: Partial<InspectorFacts> = {}): InspectorFacts => ({
  userId,
  departmentId: BODY,
  active: true,
  certifiedUntil: '2027-12-31',
  hasConflict: false,
  ...over,
})
const facts = new Map(
  [
    fact('a'),
    fact('b'),
    fact('expired', { certifiedUntil: '2026-06-14' }),
    fact('lastDay', { certifiedUntil: '2026-06-15' }),
    fact('off', { active: false }),
    fact('other', { departmentId: 'body-b' }),
    fact('conflicted', { hasConflict: true }),
  ].map((f) => [f.userId, f]),
)
const plan = (over: Partial<TeamPlan>): TeamPlan => ({
  kind: 'routine',
  departmentId: BODY,
  plannedOn: '2026-06-15',
  inspectorIds: ['a', 'b'],
  visitorIds: [],
  ...over,
})

describe('the inspection team', () => {
  it.each([
    ['two certified inspectors', plan({}), null],
    ['a certificate valid on the planned day', plan({ inspectorIds: ['a', 'lastDay'] }), null],
    ['one inspector', plan({ inspectorIds: ['a'] }), 'INSPECTION_TOO_FEW_INSPECTORS'],
    ['the same inspector twice', plan({ inspectorIds: ['a', 'a'] }), 'INSPECTION_TOO_FEW_INSPECTORS'],
    ['an expired certificate', plan({ inspectorIds: ['a', 'expired'] }), 'INSPECTOR_NOT_CERTIFIED'],
    ['a deactivated inspector', plan({ inspectorIds: ['a', 'off'] }), 'INSPECTOR_NOT_CERTIFIED'],
    ['an inspector of another body', plan({ inspectorIds: ['a', 'other'] }), 'INSPECTOR_NOT_CERTIFIED'],
    ['someone not registered', plan({ inspectorIds: ['a', 'nobody'] }), 'INSPECTOR_NOT_CERTIFIED'],
    ['a declared conflict', plan({ inspectorIds: ['a', 'conflicted'] }), 'INSPECTOR_IN_CONFLICT'],
    [
      'a service visit with visitors',
      plan({ kind: 'service_visit', inspectorIds: [], visitorIds: ['s'] }),
      null,
    ],
    [
      'a service visit without visitors',
      plan({ kind: 'service_visit', inspectorIds: [], visitorIds: [] }),
      'INSPECTION_VISITORS_REQUIRED',
    ],
    [
      'a service visit naming inspectors',
      plan({ kind: 'service_visit', inspectorIds: ['a'], visitorIds: ['s'] }),
      'INSPECTION_VISITORS_REQUIRED',
    ],
  ])('%s', (_, p, refusal) => {
    expect(checkInspectionTeam(p, facts)?.refusal ?? null).toBe(refusal)
  })

  it('names the people a refusal concerns', () => {
    expect(checkInspectionTeam(plan({ inspectorIds: ['expired', 'off', 'a'] }), facts)).toEqual({
      refusal: 'INSPECTOR_NOT_CERTIFIED',
      userIds: ['expired', 'off'],
    })
  })
})
