import { describe, expect, it } from 'vitest'
import { policyMove, type PolicyAction, type PolicyState } from './policy-states'

const s = (status: PolicyState['status'], revision: PolicyState['revision'] = null): PolicyState => ({
  status,
  revision,
})

describe('the policy document’s life', () => {
  it.each([
    [s('draft'), 'edit', s('draft')],
    [s('draft'), 'submit', s('review')],
    [s('review'), 'return', s('draft')],
    [s('review'), 'publish', s('published')],
    [s('published'), 'revise', s('published', 'draft')],
    [s('published', 'draft'), 'edit', s('published', 'draft')],
    [s('published', 'draft'), 'submit', s('published', 'review')],
    [s('published', 'review'), 'return', s('published', 'draft')],
    [s('published', 'review'), 'publish', s('amended')],
    [s('amended'), 'revise', s('amended', 'draft')],
    [s('amended', 'review'), 'publish', s('amended')],
    [s('published'), 'repeal', s('repealed')],
    [s('amended', 'draft'), 'expire', s('expired')],
  ] as [PolicyState, PolicyAction, PolicyState][])('%j —%s→ %j', (from, action, to) => {
    expect(policyMove(from, action)).toEqual({ ok: true, to })
  })

  it.each([
    [s('review'), 'edit', 'POLICY_NOT_EDITABLE'],
    [s('published'), 'edit', 'POLICY_NOT_EDITABLE'],
    [s('published', 'review'), 'edit', 'POLICY_NOT_EDITABLE'],
    [s('review'), 'submit', 'POLICY_NOT_SUBMITTABLE'],
    [s('published'), 'submit', 'POLICY_NOT_SUBMITTABLE'],
    [s('draft'), 'publish', 'POLICY_NOT_IN_REVIEW'],
    [s('published', 'draft'), 'publish', 'POLICY_NOT_IN_REVIEW'],
    [s('draft'), 'return', 'POLICY_NOT_IN_REVIEW'],
    [s('draft'), 'revise', 'POLICY_NOT_REVISABLE'],
    [s('published', 'draft'), 'revise', 'POLICY_NOT_REVISABLE'],
    [s('expired'), 'revise', 'POLICY_NOT_REVISABLE'],
    [s('draft'), 'repeal', 'POLICY_NOT_IN_FORCE'],
    [s('repealed'), 'repeal', 'POLICY_NOT_IN_FORCE'],
    [s('expired'), 'expire', 'POLICY_NOT_IN_FORCE'],
  ] as [PolicyState, PolicyAction, string][])('%j cannot %s: %s', (from, action, code) => {
    expect(policyMove(from, action)).toEqual({ ok: false, code })
  })
})
