import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../app/api'
import { showApiErrorOnForm } from './form-errors'

type FormLike = Parameters<typeof showApiErrorOnForm>[0]

/**
 * Sending a form to the server, the same way on every console form that creates something: the
 * banner cleared, `saving` while it runs, and a refusal shown on the fields it names (the rest, or a
 * failure that is not the server's answer, in the banner above the form).
 */
export function useFormSubmit<V>(
  form: FormLike,
  send: (values: V) => Promise<void>,
  errors: {
    /** the form's field names the server's answer may name */
    fields: readonly string[]
    /** an error code that belongs under one field (its message goes there, not in the banner) */
    codeToField?: Record<string, string>
    /** the server's field names turned into the form's, where they differ */
    renameFields?: (error: unknown) => unknown
  },
) {
  const { t } = useTranslation()
  const [banner, setBanner] = useState<string>()
  const [saving, setSaving] = useState(false)
  const submit = async (values: V) => {
    setBanner(undefined)
    setSaving(true)
    try {
      await send(values)
    } catch (error) {
      setBanner(
        showApiErrorOnForm(
          form,
          errors.renameFields ? errors.renameFields(error) : error,
          errors.fields,
          errorMessage(error, t('errors.generic')),
          errors.codeToField,
        ),
      )
    } finally {
      setSaving(false)
    }
  }
  return { banner, saving, submit: (values: V) => void submit(values) }
}
