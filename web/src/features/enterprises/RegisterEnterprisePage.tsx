import { Button, Form, Input, TextArea } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { OUT_OF_CITY_REASONS } from '@shared/enterprise-profile'
import { normalizeUscc, registrationDivisionOf } from '@shared/uscc'
import { errorMessage, isApiError } from '../../app/api'
import type { Translate } from '../../app/i18n'
import { PageLoading, RequireEnterpriseUser } from '../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../app/routes'
import { useSession } from '../../app/session'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { Banner } from '../../ui/mobile/Banner'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { RadioChoice } from '../../ui/mobile/RadioChoice'
import { scrollToFirstError } from '../../ui/mobile/scroll-to-error'
import {
  enterprisesApi,
  referenceApi,
  type OutOfCityReason,
  type RegistrationDivision,
} from './enterprises.api'
import { EnterpriseProfileFields } from './EnterpriseProfileFields'
import { PROFILE_FIELDS, profileBody, type ProfileFormValues } from './profile-form'
import { useEnterpriseReference } from './use-enterprise-reference'
import { usccMessage, usccProblems } from '../../ui/uscc-message'
import { fieldMessage } from '../../ui/field-message'

type Values = ProfileFormValues & { uscc: string; outOfCityReason?: OutOfCityReason; outOfCityNote?: string }
const FORM_FIELDS = ['uscc', 'outOfCityReason', 'outOfCityNote', ...PROFILE_FIELDS]
const NOTE_MIN = 4
const NOTE_MAX = 200

/** `/enterprises/new`: register a market entity by its credit code; the registrant becomes its manager. */
export function RegisterEnterprisePage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('enterprise.register.title')} back={paths.home}>
      <RequireEnterpriseUser>{() => <RegisterForm />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

/**
 * What positions 3–8 of a code name, asked of the server (the phone does not carry GB/T 2260):
 * the division, null when the table has no such code, undefined when the server could not be asked
 * (the check then stops at the province and the server decides on submit).
 */
async function lookUpRegistrationDivision(code: string): Promise<RegistrationDivision | null | undefined> {
  try {
    return await referenceApi.division(code)
  } catch (error) {
    return isApiError(error, 'NOT_FOUND') ? null : undefined
  }
}

function RegisterForm() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { refresh } = useSession()
  const [form] = Form.useForm<Values>()
  const reference = useEnterpriseReference()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  // Where the code says the enterprise was registered; outside the city, a reason is asked for.
  const [division, setDivision] = useState<RegistrationDivision>()
  // The server asked for a reason the page did not know to ask for (it could not look the code up).
  const [serverAsked, setServerAsked] = useState<string>()
  // The code is already on the platform: the way on is to claim it.
  const [taken, setTaken] = useState<string>()

  if (reference.error)
    return <Banner tone="error" text={errorMessage(reference.error, t('errors.loadFailed'))} />
  if (!reference.data) return <PageLoading />
  const cityName = reference.data.cityName
  const asksReason = (division !== undefined && !division.isInCity) || serverAsked !== undefined

  const checkUsccField = async (value: string | undefined) => {
    setServerAsked(undefined)
    if (!value) return setDivision(undefined)
    const local = usccProblems(value)
    if (local.length) {
      setDivision(undefined)
      throw new Error(usccMessage(local, t as unknown as Translate))
    }
    const code = registrationDivisionOf(normalizeUscc(value))
    const found = await lookUpRegistrationDivision(code)
    setDivision(found ?? undefined)
    if (found === undefined) return
    const problems = usccProblems(value, (c) => c === code && found !== null)
    if (problems.length) throw new Error(usccMessage(problems, t as unknown as Translate))
  }

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      const created = await enterprisesApi.register({
        uscc: values.uscc,
        ...profileBody(values),
        ...(asksReason
          ? { outOfCityReason: values.outOfCityReason!, outOfCityNote: values.outOfCityNote?.trim() ?? '' }
          : {}),
      })
      void refresh() // my enterprises changed
      void navigate(paths.enterprise(created.id), { replace: true })
    } catch (error) {
      const asked = isApiError(error) && !asksReason ? error.fields.outOfCityReason : undefined
      if (asked) setServerAsked(asked)
      const text = showApiErrorOnForm(form, error, FORM_FIELDS, errorMessage(error, t('errors.generic')), {
        ENTERPRISE_ALREADY_REGISTERED: 'uscc',
      })
      // Already registered: the message says what to do next (ask the enterprise's manager), so it
      // goes in the banner too, not only under the field.
      setBanner(isApiError(error, 'ENTERPRISE_ALREADY_REGISTERED') ? error.message : text)
      setTaken(isApiError(error, 'ENTERPRISE_ALREADY_REGISTERED') ? normalizeUscc(values.uscc) : undefined)
      scrollToFirstError()
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <p className="m-muted" style={{ margin: '4px 4px 0' }}>
        {t('enterprise.register.intro')}
      </p>
      <p className="m-muted" style={{ margin: '4px 4px 0' }}>
        <Link to={paths.claimEnterprise()}>{t('enterpriseClaims.alreadyOnPlatform')}</Link>
      </p>
      <Banner tone="error" text={banner} />
      {taken ? (
        <div className="m-button-stack m-after-block">
          <Button block color="primary" onClick={() => void navigate(paths.claimEnterprise(taken))}>
            {t('enterpriseClaims.claimThis')}
          </Button>
        </div>
      ) : null}
      <Form
        form={form}
        name="register-enterprise"
        className="m-form"
        initialValues={{ tags: [] }}
        onFinish={(values) => void submit(values)}
        onFinishFailed={scrollToFirstError}
        footer={
          <Button block type="submit" color="primary" size="large" loading={isSaving}>
            {t('enterprise.register.submit')}
          </Button>
        }
      >
        <Form.Item
          name="uscc"
          label={t('enterprise.fields.uscc')}
          description={t('enterprise.help.uscc')}
          validateTrigger="onBlur"
          rules={[
            { required: true, message: fieldMessage('fields.required') },
            { validator: (_rule, value: string | undefined) => checkUsccField(value) },
          ]}
          normalize={(value: string) => value.toUpperCase()}
        >
          <Input maxLength={22} autoComplete="off" placeholder={t('enterprise.placeholders.uscc')} />
        </Form.Item>
        {/*
          The reason sits in the code's own group, under a title of its own, not a Form.Header:
          antd-mobile's Form groups its direct children into lists between headers, keyed by their
          order, so a header appearing above the profile moved its fields into another list and
          mounted them afresh — what was being typed into 企业名称 when the code's answer came was
          lost, and the focus with it (the enterprise-registers journey, 2 runs in 4).
        */}
        {asksReason
          ? [
              <div key="out-of-city-explain" style={{ padding: '12px 12px 8px' }}>
                <h3 style={{ margin: '0 0 8px', fontSize: 15 }}>
                  {t('enterprise.register.outOfCity.title')}
                </h3>
                <Banner
                  tone="info"
                  text={
                    division && !division.isInCity
                      ? t('enterprise.register.outOfCity.explain', {
                          code: division.code,
                          division: division.fullName,
                          city: cityName,
                        })
                      : serverAsked
                  }
                />
                <p className="m-muted">{t('enterprise.register.outOfCity.whoReads')}</p>
              </div>,
              <Form.Item
                key="outOfCityReason"
                name="outOfCityReason"
                label={t('enterprise.fields.outOfCityReason')}
                rules={[
                  { required: true, message: fieldMessage('enterprise.register.outOfCity.chooseReason') },
                ]}
              >
                <RadioChoice
                  vertical
                  groupLabel={t('enterprise.fields.outOfCityReason')}
                  options={OUT_OF_CITY_REASONS.map((reason) => ({
                    value: reason,
                    label: t(`enterprise.outOfCityReasons.${reason}`),
                  }))}
                />
              </Form.Item>,
              <Form.Item
                key="outOfCityNote"
                name="outOfCityNote"
                label={t('enterprise.fields.outOfCityNote')}
                description={t('enterprise.help.outOfCityNote')}
                rules={[
                  { required: true, whitespace: true, message: fieldMessage('fields.required') },
                  {
                    min: NOTE_MIN,
                    message: fieldMessage('enterprise.validation.outOfCityNote', { min: NOTE_MIN }),
                  },
                ]}
              >
                <TextArea
                  rows={3}
                  maxLength={NOTE_MAX}
                  showCount
                  placeholder={t('enterprise.placeholders.outOfCityNote')}
                />
              </Form.Item>,
            ]
          : null}
        <Form.Header>{t('enterprise.register.profileTitle')}</Form.Header>
        <EnterpriseProfileFields reference={reference.data} />
      </Form>
    </>
  )
}
