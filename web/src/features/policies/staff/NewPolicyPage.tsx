import { Alert, Card } from 'antd'
import { useNavigate } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { useSession } from '../../../app/session'
import { FullPageSpin } from '../../../ui/staff/FullPageSpin'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { policiesApi } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { PolicyMetaForm } from './PolicyMetaForm'
import { usePolicyDepartments } from './use-departments'

/** `/staff/policies/new`: start a draft with the document's fields; items come next, in the editor. */
export function NewPolicyPage() {
  const { t } = usePolicyText()
  const { me } = useSession()
  const navigate = useNavigate()
  const departments = usePolicyDepartments()
  const mine = me?.kind === 'staff' ? me.department?.id : undefined
  const defaultDepartmentId = departments.writable.some((d) => d.value === mine)
    ? mine
    : departments.writable[0]?.value

  return (
    <>
      <PageHeader title={t('policies.staff.new.title')} subtitle={t('policies.staff.new.subtitle')} />
      <Card>
        {departments.error ? (
          <Alert type="error" showIcon title={errorMessage(departments.error, t('errors.loadFailed'))} />
        ) : departments.isLoading && !departments.all.length ? (
          <FullPageSpin label={t('common.loading')} inline />
        ) : (
          <PolicyMetaForm
            departments={departments.writable}
            defaultDepartmentId={defaultDepartmentId}
            submitLabel={t('policies.staff.new.create')}
            onSubmit={async (meta) => {
              const created = await policiesApi.create(meta)
              void navigate(paths.staffPolicy(created.id), { replace: true })
            }}
          />
        )}
      </Card>
    </>
  )
}
