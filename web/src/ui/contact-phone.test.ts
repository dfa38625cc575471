import { describe, expect, it } from 'vitest'
import { createElement } from 'react'
import { contactPhoneRule, smsNeedsMobileRule } from './contact-phone'

// The message is an element that translates itself (field-message.tsx); the rule rejects with it.
const bad = createElement('span', null, 'bad')
const mobilePlease = createElement('span', null, 'mobile please')

describe('the contact-phone form rule', () => {
  const rule = contactPhoneRule(bad)
  it.each(['13900000001', '0411-84567890', '041184567890', '0411 8456 7890', '0411-84567890-123', '', '  '])(
    'accepts %j',
    async (value) => {
      await expect(rule.validator(null, value)).resolves.toBeUndefined()
    },
  )
  it.each(['84567890', '123', '0411-84567890abc'])('refuses %j with the message', async (value) => {
    await expect(rule.validator(null, value)).rejects.toBe(bad)
  })
})

describe('text messages need a mobile', () => {
  const withContact = (preferredContact: string) =>
    smsNeedsMobileRule(mobilePlease)({ getFieldValue: () => preferredContact })
  it('refuses a fixed line only when texts are asked for', async () => {
    await expect(withContact('sms').validator(null, '0411-84567890')).rejects.toBe(mobilePlease)
    await expect(withContact('sms').validator(null, '13900000001')).resolves.toBeUndefined()
    await expect(withContact('phone').validator(null, '0411-84567890')).resolves.toBeUndefined()
  })
})
