import { describe, expect, it } from 'vitest'
import type { ClaimDetail, ClaimStatus, ClaimSummary } from './benefits.api'
import {
  eventNumber,
  isActiveClaim,
  itemActionFor,
  materialsBody,
  openSupplementRequest,
  splitMinutes,
} from './claim-rules'

const claim = (status: ClaimStatus, createdAt = '2026-12-01T01:00:00Z', id: string = status): ClaimSummary =>
  ({ id, status, createdAt }) as ClaimSummary

describe('what an item offers the enterprise', () => {
  it('shows the claim that holds the item, whatever the outcome now', () => {
    for (const status of ['consented', 'submitted', 'supplement_requested', 'approved', 'paid'] as const)
      expect(itemActionFor('no_application', 'ineligible', [claim(status)])).toEqual({
        kind: 'claimed',
        claim: claim(status),
      })
  })

  it('offers a one-tap consent only when eligible now', () => {
    expect(itemActionFor('no_application', 'eligible', []).kind).toBe('consent')
    expect(itemActionFor('no_application', 'undetermined', []).kind).toBe('notYet')
    expect(itemActionFor('no_application', 'ineligible', []).kind).toBe('notYet')
  })

  it('offers an application while eligible or undetermined (materials may prove what is missing)', () => {
    expect(itemActionFor('fast_application', 'eligible', []).kind).toBe('apply')
    expect(itemActionFor('standard_application', 'undetermined', []).kind).toBe('apply')
    expect(itemActionFor('standard_application', 'ineligible', []).kind).toBe('notYet')
  })

  it('lets a closed claim be followed by a new one, naming the latest closed one', () => {
    const old = claim('withdrawn', '2026-11-01T00:00:00Z', 'a')
    const newer = claim('rejected', '2026-11-20T00:00:00Z', 'b')
    expect(itemActionFor('fast_application', 'eligible', [old, newer])).toEqual({
      kind: 'apply',
      previous: newer,
    })
    expect(isActiveClaim('excluded')).toBe(false)
    expect(isActiveClaim('recommended')).toBe(true)
  })
})

describe('a supplement request to answer', () => {
  const timeline = [
    { id: 1, at: '2026-12-01T01:00:00Z', type: 'apply', actorRole: 'enterprise', note: null, data: {} },
    {
      id: 2,
      at: '2026-12-02T01:00:00Z',
      type: 'request_supplement',
      actorRole: 'handler',
      note: '商标证书不清晰',
      data: { materialKeys: ['trademark', 7], remainingMinutes: 1200 },
    },
  ] as ClaimDetail['timeline']

  it('reads the latest request while the claim waits for it', () => {
    expect(openSupplementRequest({ status: 'supplement_requested', timeline })).toEqual({
      note: '商标证书不清晰',
      materialKeys: ['trademark'],
      at: '2026-12-02T01:00:00Z',
    })
    expect(openSupplementRequest({ status: 'submitted', timeline })).toBeUndefined()
    expect(eventNumber(timeline[1]!, 'remainingMinutes')).toBe(1200)
    expect(eventNumber(timeline[1]!, 'materialKeys')).toBeUndefined()
  })
})

describe('materials', () => {
  it('sends only non-empty lists', () => {
    expect(materialsBody({ trademark: ['f1'], invoice: [] })).toEqual({ trademark: ['f1'] })
  })
})

describe('working minutes', () => {
  it('splits into hours and minutes, never negative', () => {
    expect(splitMinutes(125)).toEqual({ hours: 2, minutes: 5 })
    expect(splitMinutes(-3)).toEqual({ hours: 0, minutes: 0 })
  })
})
