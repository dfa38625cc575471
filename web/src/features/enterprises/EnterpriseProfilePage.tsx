import { Button, ErrorBlock, Form, Tabs, Tag } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { errorMessage, isApiError } from '../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../app/routes'
import { formatDateTime, formatIsoDate, formatNumber, formatYuan } from '../../ui/format'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { Banner } from '../../ui/mobile/Banner'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { scrollToFirstError } from '../../ui/mobile/scroll-to-error'
import { useLoad } from '../../ui/use-load'
import { enterprisesApi, type Enterprise } from './enterprises.api'
import type { Translate } from '../../app/i18n'
import { tagName } from './enterprise-labels'
import { EnterpriseProfileFields } from './EnterpriseProfileFields'
import { MembersSection } from './MembersSection'
import {
  changedProfileFields,
  PROFILE_FIELDS,
  profileBody,
  profileFormValues,
  type ProfileFormValues,
} from './profile-form'
import { creditTierText, outOfCityReasonText, registrationPlaceText } from './registration-labels'
import { useEnterpriseReference } from './use-enterprise-reference'
import { VersionsSection } from './VersionsSection'
import { Slot } from '../../app/slots'

/** `/enterprises/:id`: the profile (view and edit), its version history and who acts for it. */
export function EnterpriseProfilePage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('enterprise.profile.title')} back={paths.home}>
      <RequireEnterpriseUser>{(me) => <EnterpriseProfile id={id} myUserId={me.id} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function EnterpriseProfile({ id, myUserId }: { id: string; myUserId: string }) {
  const { t } = useTranslation()
  const enterprise = useLoad(() => enterprisesApi.get(id), [id])
  // ?tab=account: a claim's page links straight to the settlement account.
  const [params] = useSearchParams()
  const [tab, setTab] = useState(() => (params.get('tab') === 'account' ? 'account' : 'profile'))
  const [isEditing, setEditing] = useState(false)
  // Bumped after each save so the history tab refetches.
  const [savedCount, setSavedCount] = useState(0)

  if (enterprise.error) {
    return (
      <ErrorBlock
        status="empty"
        title={errorMessage(enterprise.error, t('errors.loadFailed'))}
        description={t('enterprise.profile.notFoundHint')}
      />
    )
  }
  if (!enterprise.data) return <PageLoading />
  const data = enterprise.data

  return (
    <>
      <section className="m-section" aria-labelledby="enterprise-name">
        <h2 id="enterprise-name" className="m-section-title">
          {data.name}
        </h2>
        <p className="m-muted" style={{ margin: 0 }}>
          {t('enterprise.fields.uscc')}：{data.uscc}
        </p>
        {data.myRole ? (
          <p style={{ margin: '8px 0 0' }}>
            <Tag color="primary" fill="outline">
              {t(`enterprise.memberRoles.${data.myRole}`)}
            </Tag>
          </p>
        ) : null}
      </section>
      <nav className="m-profile-links" aria-label={t('policies.home.card')}>
        <Link to={paths.enterprisePolicies(id)} className="m-link-button">
          {t('policies.mine.title')}
        </Link>
        <Link to={paths.enterpriseFacts(id)} className="m-link-button">
          {t('facts.mine.title')}
        </Link>
      </nav>
      <Tabs activeKey={tab} onChange={setTab}>
        <Tabs.Tab title={t('enterprise.profile.tabProfile')} key="profile">
          {isEditing ? (
            <EditProfile
              key={data.version}
              enterprise={data}
              onSaved={(saved) => {
                enterprise.setData(saved)
                setEditing(false)
                setSavedCount((n) => n + 1)
              }}
              onCancel={() => setEditing(false)}
              onReload={() => enterprise.reload()}
            />
          ) : (
            <ProfileDetails enterprise={data} onEdit={data.myRole ? () => setEditing(true) : undefined} />
          )}
        </Tabs.Tab>
        <Tabs.Tab title={t('enterprise.profile.tabVersions')} key="versions">
          <VersionsSection enterpriseId={id} refreshKey={savedCount} />
        </Tabs.Tab>
        <Tabs.Tab title={t('settlementAccount.tab')} key="account">
          <Slot name="enterpriseProfile.account" enterpriseId={id} />
        </Tabs.Tab>
        <Tabs.Tab title={t('enterprise.profile.tabMembers')} key="members">
          <MembersSection enterpriseId={id} isManager={data.myRole === 'manager'} myUserId={myUserId} />
          {data.myRole === 'manager' ? (
            <Slot name="enterpriseProfile.membershipClaims" enterpriseId={id} />
          ) : null}
        </Tabs.Tab>
      </Tabs>
      {data.myRole === 'manager' ? <Slot name="enterpriseProfile.export" enterpriseId={id} /> : null}
    </>
  )
}

function ProfileDetails({
  enterprise,
  onEdit,
}: {
  enterprise: Enterprise
  onEdit: (() => void) | undefined
}) {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as Translate
  const lang = i18n.language
  const { registration } = enterprise
  const rows: [string, React.ReactNode][] = [
    [t('enterprise.fields.legalRepresentative'), enterprise.legalRepresentative],
    [t('enterprise.fields.divisionCode'), enterprise.divisionName ?? enterprise.divisionCode],
    [t('enterprise.fields.industryCode'), `${enterprise.industryCode} ${enterprise.industryName ?? ''}`],
    [t('enterprise.fields.sizeClass'), t(`enterprise.sizeClasses.${enterprise.sizeClass}`)],
    [t('enterprise.fields.foundedOn'), formatIsoDate(enterprise.foundedOn)],
    [t('enterprise.fields.employees'), formatNumber(enterprise.employees, lang)],
    [t('enterprise.fields.annualRevenue'), formatYuan(enterprise.annualRevenue, lang)],
    [t('enterprise.fields.creditTier'), creditTierText(tx, enterprise.creditTier)],
    [t('enterprise.fields.registrationPlace'), registrationPlaceText(tx, registration)],
    ...(registration.isOutOfCity
      ? ([
          [t('enterprise.fields.outOfCityReason'), outOfCityReasonText(tx, registration)],
          [t('enterprise.fields.outOfCityNote'), registration.outOfCityNote ?? '—'],
        ] as [string, React.ReactNode][])
      : []),
    [t('enterprise.fields.address'), enterprise.address ?? '—'],
    [t('enterprise.fields.contactPhone'), enterprise.contactPhone ?? '—'],
    [t('enterprise.profile.version'), t('enterprise.profile.versionValue', { version: enterprise.version })],
    [t('enterprise.profile.updatedAt'), formatDateTime(enterprise.updatedAt, lang)],
  ]
  return (
    <div className="m-section">
      <dl className="m-kv">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <dt>{t('enterprise.fields.tags')}</dt>
        <dd>
          {enterprise.tags.length ? (
            <span className="m-tag-list">
              {enterprise.tags.map((tag) => (
                <Tag key={tag} color="default" fill="outline">
                  {tagName(tag, lang)}
                </Tag>
              ))}
            </span>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      {onEdit ? (
        <Button block color="primary" size="large" style={{ marginTop: 16 }} onClick={onEdit}>
          {t('enterprise.profile.edit')}
        </Button>
      ) : null}
    </div>
  )
}

function EditProfile({
  enterprise,
  onSaved,
  onCancel,
  onReload,
}: {
  enterprise: Enterprise
  onSaved: (saved: Enterprise) => void
  onCancel: () => void
  onReload: () => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<ProfileFormValues>()
  const reference = useEnterpriseReference()
  const [banner, setBanner] = useState<string>()
  const [isConflict, setConflict] = useState(false)
  const [isSaving, setSaving] = useState(false)

  if (reference.error)
    return <Banner tone="error" text={errorMessage(reference.error, t('errors.loadFailed'))} />
  if (!reference.data) return <PageLoading />

  const save = async (values: ProfileFormValues) => {
    setBanner(undefined)
    const changes = changedProfileFields(enterprise, profileBody(values))
    if (Object.keys(changes).length === 0) {
      onCancel()
      return
    }
    setSaving(true)
    try {
      onSaved(await enterprisesApi.update(enterprise.id, { version: enterprise.version, ...changes }))
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        setConflict(true)
        setBanner(t('enterprise.profile.versionConflict'))
      } else {
        setBanner(showApiErrorOnForm(form, error, PROFILE_FIELDS, errorMessage(error, t('errors.generic'))))
      }
      scrollToFirstError()
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <Banner tone="error" text={banner} />
      {isConflict ? (
        <Button block size="large" color="warning" onClick={onReload} style={{ marginTop: 8 }}>
          {t('enterprise.profile.reload')}
        </Button>
      ) : null}
      <Form
        form={form}
        name="edit-enterprise"
        className="m-form"
        initialValues={profileFormValues(enterprise)}
        onFinish={(values) => void save(values)}
        onFinishFailed={scrollToFirstError}
        footer={
          <div className="m-button-stack">
            <Button block type="submit" color="primary" size="large" loading={isSaving}>
              {t('common.save')}
            </Button>
            <Button block size="large" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </div>
        }
      >
        <EnterpriseProfileFields reference={reference.data} />
      </Form>
    </>
  )
}
