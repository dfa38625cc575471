import { Alert, App, Button, Card, List, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { formatIsoDate } from '../../../ui/format'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { useLoad } from '../../../ui/use-load'
import { inspectionCapsApi, type JointProposal } from '../inspection-caps.api'

/**
 * 综合查一次: inspections of one enterprise by several bodies within the window, each group proposed
 * as one visit on the suggested day; merging names the first body as the lead (the bureau may merge
 * only when a day inside every window exists).
 */
export function JointProposalsTab() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const list = useLoad(() => inspectionCapsApi.proposals(), [i18n.language])
  const [merging, setMerging] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const merge = async (p: JointProposal) => {
    if (!p.suggestedOn) return
    setMerging(p.enterpriseId)
    setError(null)
    try {
      await inspectionCapsApi.merge({
        inspectionIds: p.inspections.map((i) => i.id),
        visitOn: p.suggestedOn,
        leadDepartmentId: p.inspections[0]!.departmentId,
        note: '',
      })
      void message.success(t('inspectionCaps.joint.merged'))
      list.reload()
    } catch (e) {
      setError(errorMessage(e, t('inspectionCaps.saveFailed')))
    } finally {
      setMerging(null)
    }
  }

  if (list.error)
    return <Alert type="error" showIcon title={errorMessage(list.error, t('errors.loadFailed'))} />
  const items = list.data?.items ?? []
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        {t('inspectionCaps.joint.explain', { days: list.data?.windowDays ?? 15 })}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!list.isLoading && !items.length ? <EmptyText>{t('inspectionCaps.joint.empty')}</EmptyText> : null}
      {items.map((p) => (
        <Card
          key={`${p.enterpriseId}-${p.inspections[0]!.id}`}
          size="small"
          title={p.enterpriseName}
          extra={
            <Button
              type="primary"
              size="small"
              disabled={!p.suggestedOn}
              loading={merging === p.enterpriseId}
              onClick={() => void merge(p)}
            >
              {p.suggestedOn
                ? t('inspectionCaps.joint.mergeOn', { date: formatIsoDate(p.suggestedOn) })
                : t('inspectionCaps.joint.noCommonDay')}
            </Button>
          }
        >
          <List
            size="small"
            dataSource={p.inspections}
            renderItem={(i) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text code>{i.number}</Typography.Text>
                  {i.departmentName}
                  <span>
                    {formatIsoDate(i.plannedOn)} – {formatIsoDate(i.windowEndsOn)}
                  </span>
                  <Tag>
                    {t(`inspectionCaps.joint.statuses.${i.status === 'approved' ? 'approved' : 'planned'}`)}
                  </Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  )
}
