import { Button, ErrorBlock } from 'antd-mobile'
import { Link, Navigate, useNavigate } from 'react-router'
import { errorMessage } from '../../../app/api'
import { BuildingIcon, ChevronIcon } from '../../../app/enterprise/icons'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { enterprisesApi } from '../../enterprises/enterprises.api'
import { usePolicyText } from '../use-policy-text'
import '../policies-mobile.css'

/**
 * `/policies` (the 政策 tab): straight to the policies of the one enterprise the user acts for, or a
 * choice when there are several. Signed out, the tab leads to the public library instead.
 */
export function PoliciesEntryPage() {
  const { t } = usePolicyText()
  return (
    <MobilePage title={t('policies.mine.title')}>
      <RequireEnterpriseUser>{() => <ChooseEnterprise />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function ChooseEnterprise() {
  const { t } = usePolicyText()
  const navigate = useNavigate()
  const mine = useLoad(() => enterprisesApi.listMine(), [])
  if (mine.error)
    return (
      <ErrorBlock status="default" title={errorMessage(mine.error, t('errors.loadFailed'))} description="" />
    )
  if (!mine.data) return <PageLoading />
  const items = mine.data.items
  if (items.length === 1) return <Navigate to={paths.enterprisePolicies(items[0]!.id)} replace />
  if (items.length === 0)
    return (
      <div className="m-section">
        <p style={{ marginTop: 0 }}>{t('policies.mine.noEnterprise')}</p>
        <div className="m-button-stack">
          <Button block color="primary" size="large" onClick={() => void navigate(paths.registerEnterprise)}>
            {t('home.registerEnterprise')}
          </Button>
          <Button block size="large" onClick={() => void navigate(paths.calculator)}>
            {t('policies.calculator.title')}
          </Button>
        </div>
      </div>
    )
  return (
    <>
      <p className="m-muted" style={{ margin: '0 4px' }}>
        {t('policies.mine.choose')}
      </p>
      <ul className="m-plain-list" aria-label={t('home.myEnterprises')}>
        {items.map((enterprise) => (
          <li key={enterprise.id}>
            <Link to={paths.enterprisePolicies(enterprise.id)} className="m-link-card">
              <span className="m-link-card-icon">
                <BuildingIcon size={28} />
              </span>
              <span className="m-link-card-body">
                <span className="m-link-card-title">{enterprise.name}</span>
                <br />
                <span className="m-muted">{enterprise.uscc}</span>
              </span>
              <ChevronIcon />
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
