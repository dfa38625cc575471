import { List, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { LoadedList } from '../../../ui/mobile/LoadedList'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { commitmentsApi, formatFen } from '../commitments.api'
import { STATE_COLORS, STATE_LABELS } from './commitment-labels'
import './commitments.css'

/**
 * `/commitments`: what the government owes the enterprise — promises and payables, by due day, each
 * with its state and the overdue interest accrued to today. The yearly publication is linked below.
 */
export function MyCommitmentsPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('commitments.mine.title')} back={paths.home}>
      <RequireEnterpriseUser>{() => <MyCommitments />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function MyCommitments() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const loaded = useLoad(() => commitmentsApi.list(), [i18n.language])
  return (
    <>
      <p className="m-muted cm-intro">{t('commitments.mine.intro')}</p>
      <LoadedList loaded={loaded} empty={t('commitments.mine.empty')}>
        {(items) => (
          <List>
            {items.map((item) => (
              <List.Item
                key={item.id}
                className="cm-item"
                onClick={() => void navigate(`/commitments/${item.id}`)}
                description={
                  <>
                    <span>{item.departmentName}</span>
                    <span> · {t('commitments.fields.dueOn', { date: item.dueOn })}</span>
                    {item.amountFen !== null ? (
                      <div>
                        {t('commitments.fields.outstanding', {
                          amount: formatFen(item.outstandingFen, i18n.language),
                        })}
                        {item.interestDueFen > 0
                          ? ` · ${t('commitments.fields.interestDue', { amount: formatFen(item.interestDueFen, i18n.language) })}`
                          : null}
                      </div>
                    ) : null}
                  </>
                }
                extra={<Tag color={STATE_COLORS[item.status]}>{t(STATE_LABELS[item.status])}</Tag>}
              >
                {item.title}
              </List.Item>
            ))}
          </List>
        )}
      </LoadedList>
      <div className="m-section">
        <Link className="cm-link" to="/commitments/publications">
          {t('commitments.publication.link')}
        </Link>
      </div>
    </>
  )
}
