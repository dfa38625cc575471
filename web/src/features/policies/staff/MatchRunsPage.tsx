import { ThunderboltOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Table, Tag } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { formatDateTime, formatNumber } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { policiesApi, type MatchRun } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { PublicationSettingsCard } from './PublicationSettingsCard'

/**
 * `/staff/match-runs` (the bureau): the matching engine's recent runs — whole city, changed
 * enterprises, one policy — with how many became eligible, the pushes sent and the time taken.
 * The leadership and administrators can run a full match now.
 */
export function MatchRunsPage() {
  const { t, tx, language } = usePolicyText()
  const { me } = useSession()
  const { message } = App.useApp()
  const canRun = hasStaffRole(me, 'bureau_leader', 'admin')
  const runs = useLoad(() => policiesApi.matchRuns(), [])
  const [isRunning, setRunning] = useState(false)
  const [problem, setProblem] = useState<string>()
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, language))

  const run = async () => {
    setProblem(undefined)
    setRunning(true)
    try {
      const result = await policiesApi.runMatching()
      void message.success(t('policies.staff.runs.done', { ...result }))
      runs.reload()
    } catch (error) {
      setProblem(errorMessage(error, t('errors.generic')))
    } finally {
      setRunning(false)
    }
  }

  return (
    <>
      <PageHeader
        title={t('policies.staff.runs.title')}
        subtitle={t('policies.staff.runs.subtitle')}
        extra={
          canRun ? (
            <Button
              type="primary"
              icon={<ThunderboltOutlined aria-hidden="true" />}
              loading={isRunning}
              onClick={() => void run()}
            >
              {t('policies.staff.runs.runNow')}
            </Button>
          ) : null
        }
      />
      {problem ? (
        <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />
      ) : null}
      <PublicationSettingsCard />
      <Card>
        {runs.error ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(runs.error, t('errors.loadFailed'))}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Table<MatchRun>
          rowKey="id"
          size="middle"
          loading={runs.isLoading}
          dataSource={runs.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('policies.staff.runs.none')}</EmptyText> }}
          columns={[
            { title: '#', dataIndex: 'id', width: 70, align: 'right' },
            {
              title: t('policies.staff.runs.kind'),
              key: 'kind',
              width: 170,
              render: (_: unknown, r) => (
                <>
                  {tx(`policies.staff.runs.kinds.${r.kind}`, { defaultValue: r.kind })}
                  {r.isBaseline ? (
                    <Tag style={{ marginLeft: 6 }}>{t('policies.staff.runs.baseline')}</Tag>
                  ) : null}
                </>
              ),
            },
            {
              title: t('policies.staff.runs.startedAt'),
              dataIndex: 'startedAt',
              width: 170,
              render: (v: string) => formatDateTime(v, language),
            },
            {
              title: t('policies.staff.runs.enterprises'),
              dataIndex: 'enterprises',
              align: 'right',
              render: n,
            },
            { title: t('policies.staff.runs.items'), dataIndex: 'items', align: 'right', render: n },
            {
              title: t('policies.staff.runs.newlyEligible'),
              dataIndex: 'newlyEligible',
              align: 'right',
              render: n,
            },
            { title: t('policies.staff.runs.pushes'), dataIndex: 'pushes', align: 'right', render: n },
            { title: t('policies.staff.runs.computeMs'), dataIndex: 'computeMs', align: 'right', render: n },
            { title: t('policies.staff.runs.persistMs'), dataIndex: 'persistMs', align: 'right', render: n },
            {
              title: t('policies.staff.runs.finishedAt'),
              dataIndex: 'finishedAt',
              width: 170,
              render: (v: string | null) =>
                v ? formatDateTime(v, language) : <Tag color="blue">{t('policies.staff.runs.running')}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  )
}
