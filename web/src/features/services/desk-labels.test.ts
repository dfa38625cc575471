import { describe, expect, it } from 'vitest'
import en from './messages.en.json'
import zh from './messages.zh-CN.json'
import { DESK_REASON_LABELS, deskViewOf } from './desk-labels'

/** The 办不成事 card: which face it shows, and a sentence for every reason in both languages. */
const appeal = { id: 'a', number: 'DL-2026-000001', status: 'submitted', createdAt: '2026-03-10T02:00:00Z' }

describe('the desk card', () => {
  it.each([
    ['nothing loaded', undefined, 'none'],
    ['on its way', { applicationId: 'x', eligible: false, reason: null, appeal: null }, 'none'],
    ['refused', { applicationId: 'x', eligible: true, reason: 'refused' as const, appeal: null }, 'offer'],
    ['filed before', { applicationId: 'x', eligible: false, reason: null, appeal }, 'filed'],
  ])('%s', (_name, state, view) => {
    expect(deskViewOf(state)).toBe(view)
  })

  it('has each reason in Chinese and English', () => {
    for (const key of Object.values(DESK_REASON_LABELS)) {
      const reason = key.split('.').at(-1)! as keyof typeof zh.services.desk.reasons
      expect(zh.services.desk.reasons[reason]).toBeTruthy()
      expect(en.services.desk.reasons[reason]).toBeTruthy()
    }
  })
})
