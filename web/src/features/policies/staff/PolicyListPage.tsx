import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Input, Select, Space, Table, Typography } from 'antd'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { hasStaffRole, useSession } from '../../../app/session'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { POLICY_LEVELS, POLICY_STATUSES, type PolicyLevel, type PolicyStatus } from '@shared/policies'
import { POLICY_TOPICS, topicOptions } from '../policy-labels'
import { policiesApi, type PolicySummary, type PolicyTopic } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { PolicyStatusTag } from './PolicyStatusTag'
import { EmptyText } from '../../../ui/staff/EmptyText'

const PAGE_SIZE = 20
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value && (list as readonly string[]).includes(value) ? (value as T) : undefined

/**
 * `/staff/policies`: the policies in force and the drafts of the caller's department (the bureau
 * sees every draft), filtered by status, topic, level and words; filters live in the URL.
 */
export function PolicyListPage() {
  const { t, level, language } = usePolicyText()
  const { me } = useSession()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const status = oneOf(POLICY_STATUSES, params.get('status'))
  const topic = oneOf(POLICY_TOPICS, params.get('topic'))
  const lvl = oneOf(POLICY_LEVELS, params.get('level'))
  const q = params.get('q') ?? ''
  const page = Math.max(1, Number(params.get('page')) || 1)
  const canWrite = hasStaffRole(me, 'handler', 'department_head', 'bureau_leader')

  const list = useLoad(
    () =>
      policiesApi.list({
        status,
        topic,
        level: lvl,
        q: q || undefined,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [status, topic, lvl, q, page, language],
  )

  const go = (next: Record<string, string | number | undefined>) => {
    const merged: Record<string, string | number | undefined> = {
      status,
      topic,
      level: lvl,
      q,
      page: 1,
      ...next,
    }
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(merged))
      if (value !== undefined && value !== '' && !(key === 'page' && value === 1))
        search.set(key, String(value))
    setParams(search)
  }

  return (
    <>
      <PageHeader
        title={t('policies.staff.list.title')}
        subtitle={t('policies.staff.list.subtitle')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden="true" />}
              onClick={() => void navigate(paths.staffNewPolicy)}
            >
              {t('policies.staff.list.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Space wrap size={12} className="s-toolbar">
          <Select<PolicyStatus>
            allowClear
            style={{ width: 160 }}
            placeholder={t('policies.staff.list.allStatuses')}
            aria-label={t('policies.staff.fields.status')}
            value={status}
            onChange={(value) => go({ status: value })}
            options={POLICY_STATUSES.map((s) => ({ value: s, label: t(`policies.statuses.${s}`) }))}
          />
          <Select<PolicyTopic>
            allowClear
            style={{ width: 200 }}
            placeholder={t('policies.staff.list.allTopics')}
            aria-label={t('policies.staff.fields.topics')}
            value={topic}
            onChange={(value) => go({ topic: value })}
            options={topicOptions(language)}
          />
          <Select<PolicyLevel>
            allowClear
            style={{ width: 140 }}
            placeholder={t('policies.staff.list.allLevels')}
            aria-label={t('policies.staff.fields.level')}
            value={lvl}
            onChange={(value) => go({ level: value })}
            options={POLICY_LEVELS.map((l) => ({ value: l, label: level(l) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 280 }}
            defaultValue={q}
            placeholder={t('policies.staff.list.search')}
            aria-label={t('policies.staff.list.search')}
            enterButton={t('common.search')}
            onSearch={(value) => go({ q: value.trim() })}
          />
        </Space>
        {list.error ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(list.error, t('errors.loadFailed'))}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<PolicySummary>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: (
              <EmptyText>
                {status || topic || lvl || q
                  ? t('policies.staff.list.noMatch')
                  : t('policies.staff.list.empty')}
              </EmptyText>
            ),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: (next) => go({ page: next }),
          }}
          columns={[
            {
              title: t('policies.staff.fields.title'),
              key: 'title',
              render: (_: unknown, p) => (
                <>
                  <Link to={paths.staffPolicy(p.id)}>{p.title}</Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {[p.documentNumber, p.issuer].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('policies.staff.fields.level'),
              dataIndex: 'level',
              width: 90,
              render: (value: string) => level(value),
            },
            {
              title: t('policies.staff.fields.status'),
              key: 'status',
              width: 170,
              render: (_: unknown, p) => (
                <PolicyStatusTag status={p.status} revisionStatus={p.revisionStatus} />
              ),
            },
            {
              title: t('policies.staff.fields.items'),
              dataIndex: 'itemCount',
              width: 90,
              align: 'right',
            },
            {
              title: t('policies.staff.fields.owner'),
              dataIndex: 'ownerDepartmentName',
              width: 200,
              render: (value: string | null) => value ?? '—',
            },
            {
              title: t('policies.staff.fields.updatedAt'),
              dataIndex: 'updatedAt',
              width: 170,
              render: (value: string) => formatDateTime(value, language),
            },
          ]}
        />
      </Card>
    </>
  )
}
