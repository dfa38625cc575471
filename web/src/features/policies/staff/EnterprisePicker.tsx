import { Select } from 'antd'
import { useEffect, useState } from 'react'
import { enterprisesApi } from '../../../app/shared-api/enterprises'
import { usePolicyText } from '../use-policy-text'

const SEARCH_DEBOUNCE_MS = 300

type Props = {
  value: string | undefined
  onChange: (enterpriseId: string | undefined, name?: string) => void
  id?: string
}

/** Finds an enterprise in the registry by name or credit code, as the officer types. */
export function EnterprisePicker({ value, onChange, id }: Props) {
  const { t } = usePolicyText()
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
      placeholder={t('policies.staff.preview.placeholder')}
      notFoundContent={isLoading ? t('common.loading') : t('policies.staff.preview.noEnterprise')}
      options={options}
      onChange={(next: string | undefined) => onChange(next, options.find((o) => o.value === next)?.label)}
      style={{ width: '100%', maxWidth: 520 }}
    />
  )
}
