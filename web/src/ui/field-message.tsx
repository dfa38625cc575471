import type { ParseKeys } from 'i18next'
import { createElement, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { Translate } from '../app/i18n'

/** Renders one message in the language of the moment (see fieldMessage). */
function FieldMessage({ k, params }: { k: string; params?: Record<string, unknown> }) {
  const { t } = useTranslation()
  return (t as unknown as Translate)(k, params)
}

/**
 * A form rule's message (or a validator's rejection) that renders in the current language. A form
 * keeps the errors its last validation produced; with `message: t(key)` those are strings in the
 * language of that moment, so after a language switch the errors on screen stayed in the old one
 * until the field was validated again. A message made here is an element that translates itself when
 * it renders, so the errors already shown follow the switch (antd and antd-mobile render a rule's
 * message as a node).
 */
export function fieldMessage(key: ParseKeys, params?: Record<string, unknown>): ReactElement {
  return createElement(FieldMessage, { k: key, params })
}

/**
 * What an asynchronous validator rejects with so its message follows the language too: the forms'
 * validator library passes a rejection that is not an Error on as the message itself.
 */
export function rejectWith(message: ReactElement): Promise<never> {
  return Promise.reject(message)
}
