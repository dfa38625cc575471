import { parseContactPhone } from '@shared/phone'
import type { ReactElement } from 'react'
import { rejectWith } from './field-message'

/**
 * The form rule of every contact-phone field (enterprise profile, appeal, benefit application): the
 * server's own parser, so the browser accepts exactly what the API accepts — a mobile, or a fixed
 * line with its area code and an optional extension. Empty passes; `required` says if it may not.
 * Sign-in phones keep the mobile-only rule: their codes go out by text message.
 */
export function contactPhoneRule(message: ReactElement) {
  return {
    validator: (_rule: unknown, value: unknown) =>
      typeof value !== 'string' || value.trim() === '' || parseContactPhone(value)
        ? Promise.resolve()
        : rejectWith(message),
  }
}

/** With "contact me by text message" chosen, a fixed line will not do (the server says the same). */
export function smsNeedsMobileRule(message: ReactElement) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_rule: unknown, value: unknown) =>
      getFieldValue('preferredContact') === 'sms' &&
      typeof value === 'string' &&
      parseContactPhone(value)?.kind === 'fixed'
        ? rejectWith(message)
        : Promise.resolve(),
  })
}

/** Long enough for "0411-84567890-123456" and a "+86 " in front. */
export const CONTACT_PHONE_MAX_LENGTH = 30

/** A mainland mobile number: sign-in phones and members, whose codes go out by text message. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/
