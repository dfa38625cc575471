import { describe, expect, it } from 'vitest'
import { notificationPriority } from './priorities'

describe('notification priority by template', () => {
  it.each([
    ['auth.sign_in_code', 0],
    ['enterprise_claim.code', 0],
    ['settlement_account.code', 0],
    ['settlement_account.changed', 0],
    ['enterprise.member_added', 0],
    ['enterprise_claim.review', 2],
    ['appeal.warning', 1],
    ['appeal.breach', 1],
    ['appeal.escalated', 1],
    ['appeal.extension_requested', 1],
    ['appeal.extension_decided', 1],
    ['appeal.received', 2],
    ['appeal.dispatched', 2],
    ['policies.push', 2],
    ['benefits.claim_submitted', 2],
    ['supervision.closed', 2],
    ['a.template.nobody.declared', 2],
    ['', 2],
    // not fooled by names on Object.prototype
    ['constructor', 2],
    ['toString', 2],
  ] as const)('%s → %i', (template, priority) => {
    expect(notificationPriority(template)).toBe(priority)
  })
})
