import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { cityToday, formatIsoDate } from '../../../ui/format'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { useLoad } from '../../../ui/use-load'
import { inspectionCapsApi, type CapSettings } from '../inspection-caps.api'

const TIERS = ['A', 'B', 'C', 'D', 'unknown'] as const
type Tier = (typeof TIERS)[number]

/** The caps in force by credit tier, the other limits, every version; a new version for the editors. */
export function CapSettingsTab({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const loaded = useLoad(() => inspectionCapsApi.settings(), [i18n.language])
  const [draft, setDraft] = useState<CapSettings | null>(null)
  const [effectiveFrom, setEffectiveFrom] = useState<Dayjs | null>(null)
  const [note, setNote] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const current = loaded.data?.current
  const shown = draft ?? current

  const setTier = (tier: Tier, field: 'perBody' | 'total', value: number | null) =>
    setDraft((d) => {
      const base = d ?? current!
      return { ...base, tiers: { ...base.tiers, [tier]: { ...base.tiers[tier], [field]: value ?? 0 } } }
    })

  const save = async () => {
    if (!draft || !effectiveFrom) return
    setSaving(true)
    setError(null)
    try {
      const saved = await inspectionCapsApi.addVersion({
        effectiveFrom: effectiveFrom.format('YYYY-MM-DD'),
        settings: draft,
        note,
      })
      loaded.setData(saved)
      setDraft(null)
      setNote('')
      setEffectiveFrom(null)
      void message.success(t('inspectionCaps.caps.saved'))
    } catch (e) {
      setError(errorMessage(e, t('inspectionCaps.saveFailed')))
    } finally {
      setSaving(false)
    }
  }

  const columns: ColumnsType<{ tier: Tier }> = [
    {
      title: t('inspectionCaps.caps.tier'),
      dataIndex: 'tier',
      width: 120,
      render: (tier: Tier) => t(`inspectionCaps.tiers.${tier}`),
    },
    ...(['perBody', 'total'] as const).map((field) => ({
      title: t(`inspectionCaps.caps.${field}`),
      key: field,
      render: (_: unknown, row: { tier: Tier }) =>
        canEdit ? (
          <InputNumber
            aria-label={`${t(`inspectionCaps.tiers.${row.tier}`)} ${t(`inspectionCaps.caps.${field}`)}`}
            min={0}
            max={field === 'perBody' ? 50 : 100}
            value={shown!.tiers[row.tier][field]}
            onChange={(v) => setTier(row.tier, field, v)}
          />
        ) : (
          shown!.tiers[row.tier][field]
        ),
    })),
  ]

  if (loaded.error)
    return <Alert type="error" showIcon title={errorMessage(loaded.error, t('errors.loadFailed'))} />
  if (!shown) return <Table loading columns={[]} dataSource={[]} />
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('inspectionCaps.caps.explain')}</Typography.Paragraph>
      <Table
        rowKey="tier"
        size="middle"
        pagination={false}
        columns={columns}
        dataSource={TIERS.map((tier) => ({ tier }))}
      />
      <Form layout="inline">
        <Form.Item label={t('inspectionCaps.caps.serviceVisits')}>
          {canEdit ? (
            <InputNumber
              aria-label={t('inspectionCaps.caps.serviceVisits')}
              min={0}
              max={20}
              value={shown.serviceVisitsPerQuarter}
              onChange={(v) => setDraft({ ...shown, serviceVisitsPerQuarter: v ?? 0 })}
            />
          ) : (
            shown.serviceVisitsPerQuarter
          )}
        </Form.Item>
        <Form.Item label={t('inspectionCaps.caps.jointWindow')}>
          {canEdit ? (
            <InputNumber
              aria-label={t('inspectionCaps.caps.jointWindow')}
              min={0}
              max={90}
              value={shown.jointWindowDays}
              onChange={(v) => setDraft({ ...shown, jointWindowDays: v ?? 0 })}
            />
          ) : (
            shown.jointWindowDays
          )}
        </Form.Item>
        <Form.Item label={t('inspectionCaps.caps.flagCount')}>
          {canEdit ? (
            <InputNumber
              aria-label={t('inspectionCaps.caps.flagCount')}
              min={1}
              max={100}
              value={shown.highFrequency.count}
              onChange={(v) =>
                setDraft({ ...shown, highFrequency: { ...shown.highFrequency, count: v ?? 1 } })
              }
            />
          ) : (
            shown.highFrequency.count
          )}
        </Form.Item>
        {shown.itemCaps.length ? (
          <Form.Item label={t('inspectionCaps.caps.itemCaps')}>{shown.itemCaps.length}</Form.Item>
        ) : null}
      </Form>
      {canEdit ? (
        <Form layout="vertical" style={{ maxWidth: 560 }}>
          <Form.Item label={t('inspectionCaps.caps.effectiveFrom')} required>
            <DatePicker
              aria-label={t('inspectionCaps.caps.effectiveFrom')}
              value={effectiveFrom}
              onChange={setEffectiveFrom}
              disabledDate={(d) => d.isBefore(dayjs(cityToday()), 'day')}
            />
          </Form.Item>
          <Form.Item label={t('inspectionCaps.caps.note')} required>
            <Input.TextArea
              aria-label={t('inspectionCaps.caps.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={500}
              rows={2}
            />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Button
            type="primary"
            loading={saving}
            disabled={!draft || !effectiveFrom || note.trim().length < 2}
            onClick={() => void save()}
          >
            {t('inspectionCaps.caps.addVersion')}
          </Button>
        </Form>
      ) : null}
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('inspectionCaps.caps.versions')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('inspectionCaps.caps.noVersions')}</EmptyText> }}
        dataSource={loaded.data?.versions ?? []}
        columns={[
          {
            title: t('inspectionCaps.caps.effectiveFrom'),
            dataIndex: 'effectiveFrom',
            width: 140,
            render: (d: string, row) => (
              <Space>
                {formatIsoDate(d)}
                {row.id === loaded.data?.currentVersionId ? (
                  <Tag color="green">{t('inspectionCaps.caps.inForce')}</Tag>
                ) : null}
              </Space>
            ),
          },
          { title: t('inspectionCaps.caps.note'), dataIndex: 'note' },
        ]}
      />
    </Space>
  )
}
