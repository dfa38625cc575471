import { Alert, App, Button, Card, Input, Space, Table, Tabs, Tag, Upload } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { rectificationsApi, type RatingAppealItem } from '../rectifications.api'
import { staffRectificationPath } from './RectificationsPage'

const VIEWS = ['open', 'upheld', 'rejected'] as const
type View = (typeof VIEWS)[number]

/**
 * `/staff/rating-appeals`: units' appeals of ratings they believe mistaken or malicious. The unit
 * attaches its evidence; the bureau's task force upholds (the rating leaves the figures, its
 * rectification is withdrawn) or rejects, with reasons.
 */
export function RatingAppealsPage() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string) => string
  const { message } = App.useApp()
  const [params, setParams] = useSearchParams()
  const requested = params.get('view') as View | null
  const view: View = requested && VIEWS.includes(requested) ? requested : 'open'
  const list = useLoad(() => rectificationsApi.appeals(view), [view, i18n.language])
  const [reasons, setReasons] = useState<Record<string, string>>({})

  const decide = async (row: RatingAppealItem, decision: 'uphold' | 'reject') => {
    try {
      await rectificationsApi.decideAppeal(row.id, {
        decision,
        reason: reasons[row.id] ?? '',
        version: row.version,
      })
      void message.success(t('rectifications.done'))
      list.reload()
    } catch (error) {
      void message.error(errorMessage(error, t('errors.loadFailed')))
    }
  }

  const columns: ColumnsType<RatingAppealItem> = [
    {
      title: t('rectifications.fields.rating'),
      key: 'rating',
      render: (_: unknown, row) => (
        <>
          <Tag color="red">{tx(`rectifications.levels.${row.rating.level}`)}</Tag>
          {tx(`rectifications.subjects.${row.rating.subjectType}`)}
          <div className="s-note">{row.rating.comment ?? '—'}</div>
          {row.rectificationId ? (
            <Link to={staffRectificationPath(row.rectificationId)}>{t('nav.staff.rectifications')}</Link>
          ) : null}
        </>
      ),
    },
    { title: t('rectifications.fields.department'), dataIndex: 'departmentName', width: 160 },
    {
      title: t('rectifications.form.appealReason'),
      key: 'reason',
      render: (_: unknown, row) => (
        <>
          <Tag>{tx(`rectifications.reasonClasses.${row.reasonClass}`)}</Tag>
          <div>{row.reason}</div>
          <div className="s-small">
            {t('rectifications.appeals.filedAt')} {formatDateTime(row.filedAt, i18n.language)}
          </div>
        </>
      ),
    },
    {
      title: t('rectifications.fields.status'),
      key: 'decision',
      width: 300,
      render: (_: unknown, row) =>
        row.canDecide ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              aria-label={t('rectifications.form.decisionReason')}
              placeholder={t('rectifications.form.decisionReason')}
              rows={2}
              maxLength={2000}
              value={reasons[row.id] ?? ''}
              onChange={(e) => setReasons({ ...reasons, [row.id]: e.target.value })}
            />
            <Space>
              <Button
                type="primary"
                disabled={!reasons[row.id]?.trim()}
                onClick={() => void decide(row, 'uphold')}
              >
                {t('rectifications.appeals.uphold')}
              </Button>
              <Button disabled={!reasons[row.id]?.trim()} onClick={() => void decide(row, 'reject')}>
                {t('rectifications.appeals.reject')}
              </Button>
            </Space>
          </Space>
        ) : (
          <>
            <Tag color={row.status === 'upheld' ? 'green' : row.status === 'rejected' ? 'default' : 'blue'}>
              {tx(`rectifications.appeals.states.${row.status}`)}
            </Tag>
            {row.decisionReason ? <div className="s-note">{row.decisionReason}</div> : null}
            {row.canAttach ? (
              <Upload
                accept="image/jpeg,image/png,image/webp,application/pdf"
                showUploadList={false}
                customRequest={({ file }) =>
                  void rectificationsApi
                    .uploadAppealEvidence(row.id, file as File)
                    .then(() => void message.success(t('rectifications.done')))
                    .catch(
                      (error: unknown) => void message.error(errorMessage(error, t('errors.loadFailed'))),
                    )
                }
              >
                <Button size="small">{t('rectifications.actions.upload')}</Button>
              </Upload>
            ) : null}
          </>
        ),
    },
  ]

  return (
    <>
      <PageHeader title={t('rectifications.appeals.title')} subtitle={t('rectifications.appeals.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => setParams(new URLSearchParams({ view: key }))}
          items={VIEWS.map((key) => ({ key, label: t(`rectifications.appeals.views.${key}`) }))}
        />
        {list.error ? (
          <Alert type="error" showIcon title={errorMessage(list.error, t('errors.loadFailed'))} />
        ) : null}
        <Table<RatingAppealItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          size="middle"
          scroll={{ x: 860 }}
          locale={{ emptyText: t('rectifications.appeals.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </Card>
    </>
  )
}
