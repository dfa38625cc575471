import { List } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { LoadedList } from '../../../ui/mobile/LoadedList'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { {{moduleCamel}}Api, type {{casePascal}} } from '../{{module}}.api'

/** Every state's label: adding a state to the contract fails the type check until it has one. */
const STATE_LABELS = {
  draft: '{{moduleCamel}}.states.draft',
  submitted: '{{moduleCamel}}.states.submitted',
} as const satisfies Record<{{casePascal}}['status'], string>

/** `/{{module}}`: the {{casesWordsEn}} the enterprise user opened, newest first, with their state. */
export function My{{casesPascal}}Page() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('{{moduleCamel}}.mine.title')} back={paths.home}>
      <RequireEnterpriseUser>{() => <My{{casesPascal}} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function My{{casesPascal}}() {
  const { t, i18n } = useTranslation()
  const loaded = useLoad(() => {{moduleCamel}}Api.mine(), [i18n.language])
  return (
    <LoadedList loaded={loaded} empty={t('{{moduleCamel}}.mine.empty')}>
      {(items) => (
    <List>
      {items.map((item) => (
        <List.Item
          key={item.id}
          description={formatDateTime(item.createdAt, i18n.language)}
          extra={t(STATE_LABELS[item.status])}
        >
          {item.title}
        </List.Item>
      ))}
    </List>
      )}
    </LoadedList>
  )
}
