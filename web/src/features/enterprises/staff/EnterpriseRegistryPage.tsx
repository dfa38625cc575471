import { Alert, Card, Descriptions, Input, Segmented, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import type { Translate } from '../../../app/i18n'
import { formatIsoDate } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { enterprisesApi, type Enterprise } from '../enterprises.api'
import { creditTierText, outOfCityReasonText, registrationPlaceText } from '../registration-labels'

type Place = 'all' | 'outOfCity' | 'inCity'
const PAGE_SIZE = 20

/**
 * `/staff/enterprises`: the registry for the bureau — search by name or credit code, and the list of
 * enterprises whose credit code was issued outside the city, each with the reason it gave.
 */
export function EnterpriseRegistryPage() {
  const { t } = useTranslation()
  const tx = t as unknown as Translate
  const [q, setQ] = useState('')
  const [place, setPlace] = useState<Place>('all')
  const [page, setPage] = useState(1)
  const query = {
    ...(q ? { q } : {}),
    ...(place === 'all' ? {} : { outOfCity: place === 'outOfCity' ? ('true' as const) : ('false' as const) }),
    page,
    pageSize: PAGE_SIZE,
  }
  const result = useLoad(() => enterprisesApi.search(query), [query])

  const columns: ColumnsType<Enterprise> = [
    { title: t('enterprise.fields.name'), dataIndex: 'name', width: 200 },
    {
      title: t('enterprise.fields.uscc'),
      dataIndex: 'uscc',
      width: 180,
      render: (uscc: string) => <span className="s-mono">{uscc}</span>,
    },
    {
      title: t('enterprise.fields.registrationPlace'),
      key: 'registration',
      width: 190,
      render: (_value, e) => (
        <Space size={4} wrap>
          <span>{registrationPlaceText(tx, e.registration)}</span>
          {e.registration.isOutOfCity ? (
            <Tag color="orange">{t('enterprise.registry.outOfCityTag')}</Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('enterprise.fields.outOfCityReason'),
      key: 'reason',
      width: 170,
      render: (_value, e) => (e.registration.isOutOfCity ? outOfCityReasonText(tx, e.registration) : '—'),
    },
    {
      title: t('enterprise.fields.creditTier'),
      key: 'creditTier',
      width: 190,
      render: (_value, e) => creditTierText(tx, e.creditTier),
    },
  ]

  return (
    <>
      <PageHeader title={t('enterprise.registry.title')} subtitle={t('enterprise.registry.subtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            style={{ width: 320 }}
            placeholder={t('enterprise.registry.searchPlaceholder')}
            aria-label={t('enterprise.registry.searchPlaceholder')}
            onSearch={(value) => {
              setQ(value.trim())
              setPage(1)
            }}
          />
          <Segmented<Place>
            aria-label={t('enterprise.registry.placeFilter')}
            value={place}
            onChange={(value) => {
              setPlace(value)
              setPage(1)
            }}
            options={[
              { value: 'all', label: t('enterprise.registry.places.all') },
              { value: 'outOfCity', label: t('enterprise.registry.places.outOfCity') },
              { value: 'inCity', label: t('enterprise.registry.places.inCity') },
            ]}
          />
        </Space>
        {result.error ? (
          <Alert type="error" showIcon message={errorMessage(result.error, t('errors.loadFailed'))} />
        ) : null}
        <Table<Enterprise>
          rowKey="id"
          size="middle"
          loading={result.isLoading}
          columns={columns}
          dataSource={result.data?.items ?? []}
          scroll={{ x: 980 }}
          expandable={{ expandedRowRender: (e) => <EnterpriseDetails enterprise={e} /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: result.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('enterprise.registry.total', { count: total }),
            onChange: setPage,
          }}
        />
      </Card>
    </>
  )
}

/** What the bureau reads of one enterprise: the profile, where it was registered and why, the tier's source. */
function EnterpriseDetails({ enterprise: e }: { enterprise: Enterprise }) {
  const { t } = useTranslation()
  const tx = t as unknown as Translate
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label={t('enterprise.fields.registrationPlace')}>
        {registrationPlaceText(tx, e.registration)}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.divisionCode')}>
        {e.divisionName ?? e.divisionCode}
      </Descriptions.Item>
      {e.registration.isOutOfCity ? (
        <>
          <Descriptions.Item label={t('enterprise.fields.outOfCityReason')}>
            {outOfCityReasonText(tx, e.registration)}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.outOfCityNote')}>
            <Typography.Text>{e.registration.outOfCityNote ?? '—'}</Typography.Text>
          </Descriptions.Item>
        </>
      ) : null}
      <Descriptions.Item label={t('enterprise.fields.creditTier')}>
        {creditTierText(tx, e.creditTier)}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.legalRepresentative')}>
        {e.legalRepresentative}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.industryCode')}>
        {`${e.industryCode} ${e.industryName ?? ''}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.sizeClass')}>
        {t(`enterprise.sizeClasses.${e.sizeClass}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.foundedOn')}>
        {formatIsoDate(e.foundedOn)}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.fields.address')}>{e.address ?? '—'}</Descriptions.Item>
    </Descriptions>
  )
}
