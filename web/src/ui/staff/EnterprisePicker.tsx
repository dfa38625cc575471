import { Select } from 'antd'
import type { CSSProperties } from 'react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { enterprisesApi } from '../../app/shared-api/enterprises'

const SEARCH_DEBOUNCE_MS = 300

type Props = {
  /** Form.Item passes value and onChange; a page may pass them itself */
  value?: string
  onChange?: (enterpriseId: string | undefined, label?: string) => void
  id?: string
  placeholder: string
  /** what the list says when nothing matches (default: antd's empty list) */
  notFound?: string
  style?: CSSProperties
}

/**
 * Finds an enterprise in the registry by name or credit code as the officer types (20 at a time,
 * debounced, the previous search cancelled): for forms that name an enterprise — an inspection's, a
 * conflict of interest, a policy preview. The label is "name（credit code）".
 */
export function EnterprisePicker({ value, onChange, id, placeholder, notFound, style }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [options, setOptions] = useState<{ value: string; label: string }[]>([])
  const [isLoading, setLoading] = useState(false)

  useEffect(() => {
    const controller = new AbortController()
    const timer = window.setTimeout(() => {
      setLoading(true)
      enterprisesApi
        .search({ q: text.trim() || undefined, pageSize: 20 }, controller.signal)
        .then(
          (page) => setOptions(page.items.map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }))),
          () => undefined,
        )
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false)
        })
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      controller.abort()
      window.clearTimeout(timer)
    }
  }, [text])

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      loading={isLoading}
      placeholder={placeholder}
      {...(notFound !== undefined ? { notFoundContent: isLoading ? t('common.loading') : notFound } : {})}
      options={options}
      onChange={(next: string | undefined) => onChange?.(next, options.find((o) => o.value === next)?.label)}
      style={style}
    />
  )
}
