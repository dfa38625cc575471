import { List } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { LoadedList } from '../../../ui/mobile/LoadedList'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { rectificationsApi, type EnterpriseRectification } from '../rectifications.api'

/** Every state's label: adding a state to the contract fails the type check until it has one. */
export const STATE_LABELS = {
  open: 'rectifications.states.open',
  evidence_submitted: 'rectifications.states.evidence_submitted',
  verified: 'rectifications.states.verified',
  feedback_given: 'rectifications.states.feedback_given',
  closed: 'rectifications.states.closed',
  withdrawn: 'rectifications.states.withdrawn',
} as const satisfies Record<EnterpriseRectification['status'], string>

export const myRectificationPath = (id: string) => `/rectifications/${id}`

/** `/rectifications`: the rectifications of the user's enterprises — what their bad ratings set going. */
export function MyRectificationsPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('rectifications.mine.title')} back={paths.home}>
      <RequireEnterpriseUser>{() => <MyRectifications />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function MyRectifications() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string) => string
  const navigate = useNavigate()
  const loaded = useLoad(() => rectificationsApi.mine(), [i18n.language])
  return (
    <LoadedList loaded={loaded} empty={t('rectifications.mine.empty')}>
      {(items) => (
        <List>
          {items.map((item) => (
            <List.Item
              key={item.id}
              onClick={() => void navigate(myRectificationPath(item.id))}
              description={`${item.departmentName} · ${formatDateTime(item.openedAt, i18n.language)}`}
              extra={t(STATE_LABELS[item.status])}
            >
              {tx(`rectifications.subjects.${item.subjectType}`)} {item.subjectNumber ?? ''}{' '}
              {item.subjectTitle ?? ''}
            </List.Item>
          ))}
        </List>
      )}
    </LoadedList>
  )
}
