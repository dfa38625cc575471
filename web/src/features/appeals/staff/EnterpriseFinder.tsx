import { AutoComplete, Form } from 'antd'
import { useEffect, useState } from 'react'
import { enterprisesApi, type Enterprise } from '../../../app/shared-api/enterprises'
import { useAppealText } from '../use-appeal-text'

/**
 * A hotline operator hears a company's name, rarely its 18-character code: find it by name (or by the
 * start of its code) in the registry and the code field is filled in.
 */
export function EnterpriseFinder({
  onPick,
}: {
  onPick: (enterprise: Pick<Enterprise, 'uscc' | 'name'>) => void
}) {
  const { t } = useAppealText()
  const [text, setText] = useState('')
  const [found, setFound] = useState<Enterprise[]>([])

  useEffect(() => {
    const query = text.trim()
    if (query.length < 2) return
    const controller = new AbortController()
    // Typing stays quick: ask once the operator pauses.
    const timer = window.setTimeout(() => {
      enterprisesApi
        .search({ q: query, pageSize: 8 }, controller.signal)
        .then((page) => setFound(page.items))
        .catch(() => setFound([]))
    }, 300)
    return () => {
      window.clearTimeout(timer)
      controller.abort()
    }
  }, [text])

  return (
    <Form.Item label={t('appeals.onBehalf.findByName')} extra={t('appeals.onBehalf.findByNameHelp')}>
      <AutoComplete
        value={text}
        onChange={setText}
        options={(text.trim().length < 2 ? [] : found).map((e) => ({
          value: e.uscc,
          label: (
            <span>
              {e.name} <span className="s-mono s-small">{e.uscc}</span>
            </span>
          ),
        }))}
        onSelect={(uscc: string) => {
          const enterprise = found.find((e) => e.uscc === uscc)
          if (!enterprise) return
          setText(enterprise.name)
          onPick(enterprise)
        }}
        placeholder={t('appeals.onBehalf.findByNamePlaceholder')}
        aria-label={t('appeals.onBehalf.findByName')}
      />
    </Form.Item>
  )
}
