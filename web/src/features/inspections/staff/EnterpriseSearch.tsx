import { Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { enterprisesApi } from '../../../app/shared-api/enterprises'

const SEARCH_DEBOUNCE_MS = 300

/** Finds the enterprise to inspect in the registry by name or credit code, as the officer types. */
export function EnterpriseSearch({
  value,
  onChange,
  id,
}: {
  value?: string
  onChange?: (enterpriseId: string | undefined) => void
  id?: string
}) {
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
      placeholder={t('inspections.searchEnterprise')}
      options={options}
      onChange={(next: string | undefined) => onChange?.(next)}
    />
  )
}
