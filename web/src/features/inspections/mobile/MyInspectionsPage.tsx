import { List, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../app/api'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { Slot } from '../../../app/slots'
import { formatIsoDate } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { useLoad } from '../../../ui/use-load'
import { inspectionPaths, inspectionsApi, type MyInspection } from '../inspections.api'
import { ReportUnregisteredVisit } from './ReportUnregisteredVisit'

/**
 * `/inspections` (检查记录): every inspection and service visit approved for the enterprise, newest
 * first, with its body, items, dates, state and rating (评价 once checked in); below, the one-tap
 * refusal and report of a visit without a code.
 */
export function MyInspectionsPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('inspections.mine.title')} back={paths.home}>
      <RequireEnterpriseUser>{() => <MyInspections />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function MyInspections() {
  const { t, i18n } = useTranslation()
  const loaded = useLoad(() => inspectionsApi.mine(), [i18n.language])
  if (loaded.error) return <Banner tone="error" text={errorMessage(loaded.error, t('errors.loadFailed'))} />
  if (!loaded.data) return <PageLoading />
  const items = loaded.data.items
  return (
    <>
      {items.length === 0 ? (
        <section className="m-section">
          <p className="m-muted">{t('inspections.mine.empty')}</p>
        </section>
      ) : (
        <List>
          {items.map((item) => (
            <InspectionRow key={item.id} item={item} />
          ))}
        </List>
      )}
      <ReportUnregisteredVisit />
    </>
  )
}

function InspectionRow({ item }: { item: MyInspection }) {
  const { t } = useTranslation()
  const kind =
    item.kind === 'service_visit' && item.visitPurpose
      ? `${t('inspections.kinds.service_visit')} · ${t(`inspections.purposes.${item.visitPurpose}`)}`
      : t(`inspections.kinds.${item.kind}`)
  return (
    <List.Item
      description={
        <>
          <span>
            {formatIsoDate(item.plannedOn)} – {formatIsoDate(item.windowEndsOn)} · {item.number}
          </span>
          <br />
          <span>{item.items.map((i) => i.name).join('、')}</span>
          {item.hasResult ? (
            <>
              <br />
              <Link to={inspectionPaths.result(item.id)}>{t('inspections.mine.result')}</Link>
            </>
          ) : null}
          {item.rating.state === 'to_rate' ? (
            <Slot
              name="case.rating"
              subjectType="inspection"
              subjectId={item.id}
              stage="final"
              enterpriseId={item.enterpriseId}
            />
          ) : null}
        </>
      }
      extra={
        <span style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: 4 }}>
          <Tag
            color={item.status === 'refused' || item.status === 'cancelled' ? 'default' : 'primary'}
            fill="outline"
          >
            {t(`inspections.states.${item.status}`)}
          </Tag>
          {item.rating.state === 'rated' ? (
            <span className="m-muted">{t('inspections.mine.rated')}</span>
          ) : null}
        </span>
      }
    >
      {item.departmentName} · {kind}
    </List.Item>
  )
}
