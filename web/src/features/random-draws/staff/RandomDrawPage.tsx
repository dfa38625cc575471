import { DownloadOutlined, ExportOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { useSession } from '../../../app/session'
import { formatDateTime, formatIsoDate } from '../../../ui/format'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { DRAW_STEPS, DRAW_TIERS, toPercent } from '../draw-rules'
import { DRAW_STATUS_COLORS, randomDrawsApi, type RandomDraw } from '../random-draws.api'
import { DrawActions } from './DrawActions'
import './random-draws-staff.css'

type Party = RandomDraw['parties'][number]
type Target = NonNullable<RandomDraw['result']>['targets'][number]

/**
 * `/staff/random-draws/:id`: one draw's ceremony — its step, the parties and whether each has
 * committed and revealed, the list hash and seed, the drawn targets with their inspectors and
 * planned inspections, and the moves the server says the caller may make next.
 */
export function RandomDrawPage() {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const draw = useLoad(() => randomDrawsApi.get(id), [id, i18n.language])
  const data = draw.data

  return (
    <>
      <PageHeader
        title={data?.title ?? t('randomDraws.staff.title')}
        subtitle={data ? data.departmentName : undefined}
        extra={
          <Space wrap>
            <Link to={paths.staffRandomDraws}>{t('randomDraws.staff.detail.back')}</Link>
            {data ? (
              <Button href={paths.publicDraw(data.id)} target="_blank" icon={<ExportOutlined />}>
                {t('randomDraws.staff.detail.publicPage')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {draw.error ? (
        <Alert type="error" showIcon title={errorMessage(draw.error, t('errors.loadFailed'))} />
      ) : null}
      {data ? (
        <div className="s-draw">
          <StepsCard draw={data} />
          <DrawActions draw={data} onChanged={draw.setData} onConflict={draw.reload} />
          <PartiesCard draw={data} />
          <ListCard draw={data} />
          <InfoCard draw={data} />
          <ResultCard draw={data} onApproved={draw.reload} />
        </div>
      ) : null}
    </>
  )
}

function StepsCard({ draw }: { draw: RandomDraw }) {
  const { t } = useTranslation()
  const current = DRAW_STEPS.indexOf(draw.status)
  const done = draw.status === 'published'
  return (
    <Card>
      <Steps
        current={current}
        status={done ? 'finish' : 'process'}
        items={DRAW_STEPS.map((step) => ({ title: t(`randomDraws.staff.steps.${step}`) }))}
        responsive
      />
      <Space style={{ marginTop: 16 }} align="start">
        <Tag color={DRAW_STATUS_COLORS[draw.status]}>{t(`randomDraws.status.${draw.status}`)}</Tag>
        <Typography.Text type="secondary">{t(`randomDraws.staff.stepHelp.${draw.status}`)}</Typography.Text>
      </Space>
    </Card>
  )
}

function Hash({ value, empty }: { value: string | null; empty: string }) {
  return value ? (
    <Typography.Text className="s-mono s-draw-hash" copyable>
      {value}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">{empty}</Typography.Text>
  )
}

function PartiesCard({ draw }: { draw: RandomDraw }) {
  const { t, i18n } = useTranslation()
  const when = (at: string | null) => (at ? formatDateTime(at, i18n.language) : '')
  const columns: ColumnsType<Party> = [
    { title: '#', dataIndex: 'position', width: 48 },
    {
      title: t('randomDraws.staff.form.partyUser'),
      key: 'name',
      render: (_: unknown, p) => (
        <>
          {p.name}
          {p.position === draw.myPosition ? <strong>{t('randomDraws.staff.detail.you')}</strong> : null}
          <div className="s-draw-sub">{t(`randomDraws.capacity.${p.capacity}`)}</div>
        </>
      ),
    },
    {
      title: t('randomDraws.commitment'),
      key: 'commitment',
      render: (_: unknown, p) => (
        <>
          <Tag color={p.commitment ? 'green' : 'default'}>
            {p.commitment
              ? t('randomDraws.staff.detail.committed')
              : t('randomDraws.staff.detail.notCommitted')}
          </Tag>
          <span className="s-draw-sub">{when(p.committedAt)}</span>
          {p.commitment ? <Hash value={p.commitment} empty="" /> : null}
        </>
      ),
    },
    {
      title: t('randomDraws.secret'),
      key: 'secret',
      render: (_: unknown, p) => (
        <>
          <Tag color={p.revealedAt ? 'green' : 'default'}>
            {p.revealedAt
              ? t('randomDraws.staff.detail.revealed')
              : t('randomDraws.staff.detail.notRevealed')}
          </Tag>
          <span className="s-draw-sub">{when(p.revealedAt)}</span>
          {p.secret ? (
            <Hash value={p.secret} empty="" />
          ) : p.revealedAt ? (
            <div className="s-draw-sub">{t('randomDraws.staff.detail.hiddenUntilAll')}</div>
          ) : null}
        </>
      ),
    },
  ]
  return (
    <Card title={t('randomDraws.staff.detail.partiesTitle')}>
      <Table<Party>
        rowKey="position"
        columns={columns}
        dataSource={draw.parties}
        pagination={false}
        size="small"
        scroll={{ x: 720 }}
        data-testid="draw-parties"
      />
    </Card>
  )
}

function ListCard({ draw }: { draw: RandomDraw }) {
  const { t } = useTranslation()
  return (
    <Card title={t('randomDraws.staff.detail.listTitle')}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('randomDraws.listHash')}>
          <Hash value={draw.listHash} empty={t('randomDraws.staff.detail.notFrozen')} />
          {draw.listHash ? (
            <>
              <div className="s-draw-sub">
                {t('randomDraws.counts', {
                  enterprises: draw.enterpriseCount,
                  inspectors: draw.inspectorCount,
                })}
              </div>
              <Button
                size="small"
                icon={<DownloadOutlined />}
                href={randomDrawsApi.listUrl(draw.id)}
                download
                style={{ marginTop: 8 }}
              >
                {t('randomDraws.downloadList')}
              </Button>
            </>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('randomDraws.beacon')}>
          {draw.beacon ? <Hash value={draw.beacon} empty="" /> : t('randomDraws.staff.detail.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('randomDraws.seed')}>
          <Hash value={draw.seed} empty={t('randomDraws.staff.detail.notDrawn')} />
        </Descriptions.Item>
        <Descriptions.Item label={t('randomDraws.algorithm')}>
          <span className="s-mono">{draw.algorithm}</span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

function InfoCard({ draw }: { draw: RandomDraw }) {
  const { t, i18n } = useTranslation()
  const when = (at: string | null) => formatDateTime(at, i18n.language)
  const isChinese = i18n.language.startsWith('zh')
  const filter =
    [
      draw.divisionCode ? t('randomDraws.staff.detail.division', { code: draw.divisionCode }) : null,
      draw.industryCode ? t('randomDraws.staff.detail.industry', { code: draw.industryCode }) : null,
    ]
      .filter(Boolean)
      .join(' · ') || t('randomDraws.staff.detail.wholeCity')
  return (
    <Card title={t('randomDraws.staff.detail.info')}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('randomDraws.body')}>{draw.departmentName}</Descriptions.Item>
        <Descriptions.Item label={t('randomDraws.staff.detail.filter')}>{filter}</Descriptions.Item>
        <Descriptions.Item label={t('randomDraws.scope')} span={2}>
          {draw.scope}
        </Descriptions.Item>
        <Descriptions.Item label={t('randomDraws.staff.form.items')} span={2}>
          {draw.items.length
            ? draw.items.map((i) => `${i.code} ${i.name}`).join(isChinese ? '；' : '; ')
            : t('randomDraws.staff.detail.noItems')}
        </Descriptions.Item>
        <Descriptions.Item label={t('randomDraws.ratios')}>
          {DRAW_TIERS.map(
            (tier) => `${tier === 'U' ? t('randomDraws.tierU') : tier} ${toPercent(draw.ratios[tier])}%`,
          ).join(isChinese ? '，' : ', ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('randomDraws.inspectors')}>
          {t('randomDraws.staff.detail.inspectorsPerTarget', { n: draw.inspectorsPerTarget })}
        </Descriptions.Item>
        <Descriptions.Item label={t('randomDraws.staff.detail.inspectBy')}>
          {draw.inspectBy ? formatIsoDate(draw.inspectBy) : t('randomDraws.staff.detail.defaultInspectBy')}
        </Descriptions.Item>
        <Descriptions.Item label={t('randomDraws.dates')}>
          <Space direction="vertical" size={0}>
            <span>{t('randomDraws.openedAt', { date: when(draw.openedAt) })}</span>
            {draw.frozenAt ? (
              <span>{t('randomDraws.staff.detail.frozenAt', { date: when(draw.frozenAt) })}</span>
            ) : null}
            {draw.drawnAt ? <span>{t('randomDraws.drawnAt', { date: when(draw.drawnAt) })}</span> : null}
            {draw.publishDueAt ? (
              <span>{t('randomDraws.publishDueAt', { date: when(draw.publishDueAt) })}</span>
            ) : null}
            {draw.publishedAt ? (
              <span>{t('randomDraws.publishedAt', { date: when(draw.publishedAt) })}</span>
            ) : null}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

/**
 * The body's head approves the draw's planned inspections at once (each as one approval on the
 * server: timeline, audit, the enterprise told); one by one stays possible on each inspection's page.
 */
function ApproveAllButton({ draw, onApproved }: { draw: RandomDraw; onApproved: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { me } = useSession()
  const [sending, setSending] = useState(false)
  const planned = draw.inspections.filter((i) => i.status === 'planned').length
  const heads =
    me?.kind === 'staff' &&
    me.roles.some((g) => g.role === 'department_head' && g.departmentId === draw.departmentId)
  if (!heads || planned === 0) return null
  const approve = async () => {
    setSending(true)
    try {
      const done = await randomDrawsApi.approveInspections(draw.id)
      message.success(t('randomDraws.staff.detail.approvedAll', { count: done.approved }))
      onApproved()
    } catch (error) {
      message.error(errorMessage(error, t('errors.generic')))
    } finally {
      setSending(false)
    }
  }
  return (
    <Popconfirm
      title={t('randomDraws.staff.detail.approveAllConfirm', { count: planned })}
      onConfirm={() => void approve()}
      okText={t('randomDraws.staff.detail.approveAllOk')}
      cancelText={t('common.cancel')}
    >
      <Button type="primary" loading={sending}>
        {t('randomDraws.staff.detail.approveAll', { count: planned })}
      </Button>
    </Popconfirm>
  )
}

function ResultCard({ draw, onApproved }: { draw: RandomDraw; onApproved: () => void }) {
  const { t } = useTranslation()
  const targets = draw.result?.targets ?? []
  const inspectionOf = new Map(draw.inspections.map((i) => [i.enterpriseId, i]))
  const columns: ColumnsType<Target> = [
    { title: '#', dataIndex: 'position', width: 48 },
    {
      title: t('randomDraws.staff.detail.target'),
      key: 'name',
      render: (_: unknown, target) => (
        <>
          {target.name}
          <div className="s-draw-sub s-mono">{target.uscc}</div>
        </>
      ),
    },
    {
      title: t('randomDraws.staff.detail.tier'),
      dataIndex: 'tier',
      width: 90,
      render: (tier: Target['tier']) => <Tag>{tier === 'U' ? t('randomDraws.tierU') : tier}</Tag>,
    },
    {
      title: t('randomDraws.inspectors'),
      key: 'inspectors',
      render: (_: unknown, target) =>
        target.inspectors.map((i) => (
          <div key={i.inspectorId}>
            {i.name}
            <span className="s-draw-cert">{i.certificateNo}</span>
          </div>
        )),
    },
    {
      title: t('randomDraws.staff.detail.inspection'),
      key: 'inspection',
      width: 200,
      render: (_: unknown, target) => {
        const inspection = inspectionOf.get(target.enterpriseId)
        if (!inspection)
          return (
            <Typography.Text type="secondary">{t('randomDraws.staff.detail.noInspection')}</Typography.Text>
          )
        const state = inspection.status as keyof typeof INSPECTION_STATE_KEYS
        return (
          <>
            <Link to={paths.staffInspection(inspection.inspectionId)}>{inspection.number}</Link>
            <div className="s-draw-sub">
              {state in INSPECTION_STATE_KEYS
                ? t(`randomDraws.staff.inspectionStates.${state}`)
                : inspection.status}
            </div>
          </>
        )
      },
    },
  ]
  return (
    <Card
      title={t('randomDraws.staff.detail.resultTitle')}
      extra={<ApproveAllButton draw={draw} onApproved={onApproved} />}
    >
      <Table<Target>
        rowKey="enterpriseId"
        columns={columns}
        dataSource={targets}
        pagination={targets.length > 50 ? { pageSize: 50 } : false}
        size="small"
        scroll={{ x: 820 }}
        locale={{ emptyText: <EmptyText>{t('randomDraws.staff.detail.noResult')}</EmptyText> }}
      />
    </Card>
  )
}

const INSPECTION_STATE_KEYS = {
  planned: true,
  approved: true,
  rejected: true,
  checked_in: true,
  refused: true,
  result_recorded: true,
  closed: true,
  cancelled: true,
} as const
