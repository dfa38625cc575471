import { describe, expect, it } from 'vitest'
import type { ApplicationState } from './application-states'
import { deriveBundleStatus } from './bundle-status'

describe('the combined status of a bundle application', () => {
  it.each<[string, 'draft' | 'submitted', ApplicationState[], string, Record<string, number>]>([
    ['a draft, whatever its parts', 'draft', ['draft', 'draft'], 'draft', { approved: 0, inProgress: 2 }],
    [
      'just submitted',
      'submitted',
      ['submitted', 'submitted', 'submitted'],
      'in_progress',
      { inProgress: 3 },
    ],
    [
      'some approved',
      'submitted',
      ['approved', 'accepted', 'special_step'],
      'in_progress',
      { approved: 1, inProgress: 2 },
    ],
    ['every part approved', 'submitted', ['approved', 'approved'], 'done', { approved: 2, inProgress: 0 }],
    [
      'one refused',
      'submitted',
      ['approved', 'refused', 'accepted'],
      'needs_attention',
      { needsAttention: 1 },
    ],
    ['one not accepted', 'submitted', ['not_accepted', 'approved'], 'needs_attention', { needsAttention: 1 }],
    [
      'a supplement asked of the applicant',
      'submitted',
      ['supplement_requested', 'accepted'],
      'needs_attention',
      { needsAttention: 1 },
    ],
    [
      'a part terminated (容缺 missed)',
      'submitted',
      ['terminated', 'approved'],
      'needs_attention',
      { approved: 1 },
    ],
    [
      'the bundle withdrawn: every undecided part withdrawn',
      'submitted',
      ['withdrawn', 'approved', 'withdrawn'],
      'withdrawn',
      { approved: 1, needsAttention: 2 },
    ],
    [
      'a part withdrawn while another still runs (not the bundle’s withdrawal)',
      'submitted',
      ['withdrawn', 'accepted'],
      'needs_attention',
      { needsAttention: 1 },
    ],
    [
      'submitted, parts not yet received (the intake seam)',
      'submitted',
      ['draft'],
      'in_progress',
      { inProgress: 1 },
    ],
    ['no parts at all is not done', 'submitted', [], 'in_progress', { total: 0 }],
  ])('%s', (_name, bundle, states, status, counts) => {
    const derived = deriveBundleStatus(bundle, states)
    expect(derived.status).toBe(status)
    expect(derived.counts).toMatchObject({ total: states.length, ...counts })
  })
})
