import { Button, ErrorBlock } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useNavigate } from 'react-router'
import { errorMessage } from '../../app/api'
import { BuildingIcon, ChevronIcon } from '../../app/enterprise/icons'
import { PageLoading } from '../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../app/routes'
import { useLoad } from '../use-load'
import { enterprisesApi } from '../../app/shared-api/enterprises'

/**
 * A tab that acts for one enterprise (政策, 我的兑现): straight to it when the user acts for one, a
 * choice when several, a way to register one when none.
 */
export function ChooseEnterprise({
  to,
  chooseText,
  noneText,
}: {
  to: (enterpriseId: string) => string
  chooseText: string
  noneText: string
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const mine = useLoad(() => enterprisesApi.listMine(), [])
  if (mine.error)
    return (
      <ErrorBlock status="default" title={errorMessage(mine.error, t('errors.loadFailed'))} description="" />
    )
  if (!mine.data) return <PageLoading />
  const items = mine.data.items
  if (items.length === 1) return <Navigate to={to(items[0]!.id)} replace />
  if (items.length === 0)
    return (
      <div className="m-section">
        <p style={{ marginTop: 0 }}>{noneText}</p>
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
        {chooseText}
      </p>
      <ul className="m-plain-list" aria-label={t('home.myEnterprises')}>
        {items.map((enterprise) => (
          <li key={enterprise.id}>
            <Link to={to(enterprise.id)} className="m-link-card">
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
