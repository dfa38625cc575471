import { Button, Form, Input } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { errorMessage, isApiError } from '../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../app/routes'
import { useSession } from '../../app/session'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { Banner } from '../../ui/mobile/Banner'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { scrollToFirstError } from '../../ui/mobile/scroll-to-error'
import { enterprisesApi } from './enterprises.api'
import { EnterpriseProfileFields } from './EnterpriseProfileFields'
import { PROFILE_FIELDS, profileBody, type ProfileFormValues } from './profile-form'
import { useEnterpriseReference } from './use-enterprise-reference'
import { usccProblem } from './uscc-message'

type Values = ProfileFormValues & { uscc: string }
const FORM_FIELDS = ['uscc', ...PROFILE_FIELDS]

/** `/enterprises/new`: register a market entity by its credit code; the registrant becomes its manager. */
export function RegisterEnterprisePage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('enterprise.register.title')} back={paths.home}>
      <RequireEnterpriseUser>{() => <RegisterForm />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function RegisterForm() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { refresh } = useSession()
  const [form] = Form.useForm<Values>()
  const reference = useEnterpriseReference()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)

  if (reference.error)
    return <Banner tone="error" text={errorMessage(reference.error, t('errors.loadFailed'))} />
  if (!reference.data) return <PageLoading />

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      const created = await enterprisesApi.register({ uscc: values.uscc, ...profileBody(values) })
      void refresh() // my enterprises changed
      void navigate(paths.enterprise(created.id), { replace: true })
    } catch (error) {
      const text = showApiErrorOnForm(form, error, FORM_FIELDS, errorMessage(error, t('errors.generic')), {
        ENTERPRISE_ALREADY_REGISTERED: 'uscc',
      })
      // Already registered: the message says what to do next (ask the enterprise's manager), so it
      // goes in the banner too, not only under the field.
      setBanner(isApiError(error, 'ENTERPRISE_ALREADY_REGISTERED') ? error.message : text)
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
      <Banner tone="error" text={banner} />
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
            { required: true, message: t('fields.required') },
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value) return
                const problem = usccProblem(value)
                if (problem) throw new Error(t(problem.key, { position: problem.position }))
              },
            },
          ]}
          normalize={(value: string) => value.toUpperCase()}
        >
          <Input maxLength={22} autoComplete="off" placeholder={t('enterprise.placeholders.uscc')} />
        </Form.Item>
        <EnterpriseProfileFields reference={reference.data} />
      </Form>
    </>
  )
}
