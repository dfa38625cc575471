import { Alert, App, Button, Input, Modal, Segmented, Space, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { formatIsoDate } from '../../../ui/format'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { useLoad } from '../../../ui/use-load'
import {
  EXEMPTION_STATUS_COLORS,
  inspectionCapsApi,
  type ExemptionRequest,
  type ExemptionStatus,
} from '../inspection-caps.api'

const FILTERS = ['pending', 'granted', 'used', 'refused'] as const

/** Requests to let one inspection over a cap through: the bureau grants or refuses each, with a note. */
export function ExemptionsTab() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const [status, setStatus] = useState<ExemptionStatus>('pending')
  const list = useLoad(() => inspectionCapsApi.exemptions({ status }), [status, i18n.language])
  const [deciding, setDeciding] = useState<{ row: ExemptionRequest; decision: 'grant' | 'refuse' } | null>(
    null,
  )
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const decide = async () => {
    if (!deciding) return
    setSaving(true)
    setError(null)
    try {
      await inspectionCapsApi.decide(deciding.row.id, {
        version: deciding.row.version,
        decision: deciding.decision,
        note,
      })
      void message.success(
        t(
          deciding.decision === 'grant'
            ? 'inspectionCaps.exemptions.granted'
            : 'inspectionCaps.exemptions.refused',
        ),
      )
      setDeciding(null)
      setNote('')
      list.reload()
    } catch (e) {
      setError(errorMessage(e, t('inspectionCaps.saveFailed')))
    } finally {
      setSaving(false)
    }
  }

  const columns: ColumnsType<ExemptionRequest> = [
    { title: t('inspectionCaps.fields.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('inspectionCaps.fields.body'), dataIndex: 'departmentName', width: 160 },
    {
      title: t('inspectionCaps.fields.plannedOn'),
      dataIndex: 'plannedOn',
      width: 120,
      render: (d: string) => formatIsoDate(d),
    },
    { title: t('inspectionCaps.fields.reason'), dataIndex: 'reason' },
    {
      title: t('inspectionCaps.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: ExemptionStatus) => (
        <Tag color={EXEMPTION_STATUS_COLORS[s]}>{t(`inspectionCaps.exemptions.statuses.${s}`)}</Tag>
      ),
    },
    {
      title: t('inspectionCaps.fields.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, row) =>
        row.status === 'pending' ? (
          <Space>
            <Button size="small" type="primary" onClick={() => setDeciding({ row, decision: 'grant' })}>
              {t('inspectionCaps.exemptions.grant')}
            </Button>
            <Button size="small" danger onClick={() => setDeciding({ row, decision: 'refuse' })}>
              {t('inspectionCaps.exemptions.refuse')}
            </Button>
          </Space>
        ) : (
          (row.decisionNote ?? '')
        ),
    },
  ]

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as ExemptionStatus)}
        options={FILTERS.map((s) => ({ value: s, label: t(`inspectionCaps.exemptions.statuses.${s}`) }))}
      />
      {list.error ? (
        <Alert type="error" showIcon title={errorMessage(list.error, t('errors.loadFailed'))} />
      ) : null}
      <Table<ExemptionRequest>
        rowKey="id"
        size="middle"
        pagination={false}
        scroll={{ x: 760 }}
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <EmptyText>{t('inspectionCaps.exemptions.empty')}</EmptyText> }}
      />
      <Modal
        open={!!deciding}
        title={deciding ? t(`inspectionCaps.exemptions.${deciding.decision}Title`) : ''}
        okText={deciding ? t(`inspectionCaps.exemptions.${deciding.decision}`) : ''}
        cancelText={t('inspectionCaps.cancel')}
        okButtonProps={{
          disabled: note.trim().length < 2,
          loading: saving,
          danger: deciding?.decision === 'refuse',
        }}
        onOk={() => void decide()}
        onCancel={() => {
          setDeciding(null)
          setError(null)
        }}
      >
        <p>
          {deciding?.row.enterpriseName} · {deciding?.row.departmentName}
        </p>
        <Input.TextArea
          aria-label={t('inspectionCaps.exemptions.note')}
          placeholder={t('inspectionCaps.exemptions.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          maxLength={1000}
        />
        {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      </Modal>
    </Space>
  )
}
