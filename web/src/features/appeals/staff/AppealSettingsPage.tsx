import { Alert, App, Button, Card, Form, InputNumber, Radio, Space, Switch, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage, isApiError } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { appealsApi, type SettingsAnswer } from '../appeals.api'
import { formatPercent } from '../figures'
import {
  PROFILES,
  SETTINGS_LIMITS,
  toFormValues,
  toSettings,
  WEIGHT_KEYS,
  weightShares,
  type SettingsFormValues,
} from '../settings-form'
import { useAppealText } from '../use-appeal-text'
import { SettingsTargets } from './SettingsTargets'
import { useProfileName } from './use-profile-name'
import { fieldMessage } from '../../../ui/field-message'

/**
 * `/staff/appeals/settings`: the rules of the appeal process an administrator changes without a
 * release — deadline targets per urgency and clock, returns, approval, return-visit sampling,
 * auto-close, escalation, and the weights of the composite score. The task force and the bureau's
 * leadership read them.
 */
export function AppealSettingsPage() {
  const { t } = useAppealText()
  const { me } = useSession()
  const isAdmin = hasStaffRole(me, 'admin')
  const settings = useLoad(() => appealsApi.settings(), [])
  return (
    <>
      <PageHeader
        title={t('appeals.settings.title')}
        subtitle={isAdmin ? t('appeals.settings.subtitle') : t('appeals.settings.subtitleReadOnly')}
      />
      {settings.error && !settings.data ? (
        <Alert type="error" showIcon title={errorMessage(settings.error, t('errors.loadFailed'))} />
      ) : settings.data ? (
        <SettingsForm
          key={settings.data.version}
          answer={settings.data}
          isAdmin={isAdmin}
          onSaved={settings.setData}
          onConflict={settings.reload}
        />
      ) : (
        <Card loading />
      )}
    </>
  )
}

function SettingsForm({
  answer,
  isAdmin,
  onSaved,
  onConflict,
}: {
  answer: SettingsAnswer
  isAdmin: boolean
  onSaved: (answer: SettingsAnswer) => void
  onConflict: () => void
}) {
  const { t } = useAppealText()
  const profileName = useProfileName()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<SettingsFormValues>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const weights = Form.useWatch(['settings', 'weights'], form)
  const shares = weightShares(weights ?? answer.settings.weights)
  const required = { required: true, message: fieldMessage('fields.required') }

  const submit = async (values: SettingsFormValues) => {
    setBanner(undefined)
    setSaving(true)
    try {
      onSaved(await appealsApi.saveSettings({ version: answer.version, settings: toSettings(values) }))
      void message.success(t('appeals.settings.saved'))
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        modal.warning({ title: t('common.versionConflictTitle'), content: error.message, onOk: onConflict })
        return
      }
      setBanner(showApiErrorOnForm(form, error, ['settings'], errorMessage(error, t('errors.generic'))))
      // The save button is at the bottom; the first marked field may be far above it.
      window.requestAnimationFrame(() =>
        document.querySelector('.ant-form-item-has-error')?.scrollIntoView({ block: 'center' }),
      )
    } finally {
      setSaving(false)
    }
  }

  const number = (
    name: keyof SettingsFormValues['settings'],
    limits: { min?: number; max: number; integer?: boolean; positive?: boolean },
    unit: string,
  ) => (
    <Form.Item
      name={['settings', name]}
      label={t(`appeals.settings.fields.${name}` as 'appeals.settings.fields.maxReturns')}
      extra={t(`appeals.settings.help.${name}` as 'appeals.settings.help.maxReturns')}
      rules={[
        required,
        {
          type: 'number',
          min: limits.positive ? Number.MIN_VALUE : limits.min,
          max: limits.max,
          message: limits.positive
            ? fieldMessage('appeals.settings.range.positive', { max: limits.max })
            : fieldMessage('appeals.settings.range.between', { min: limits.min ?? 0, max: limits.max }),
        },
      ]}
    >
      <InputNumber
        min={limits.positive ? 0 : limits.min}
        max={limits.max}
        precision={limits.integer ? 0 : undefined}
        suffix={unit}
        style={{ width: 200 }}
      />
    </Form.Item>
  )

  return (
    <Form<SettingsFormValues>
      form={form}
      name="appeal-settings"
      layout="vertical"
      initialValues={toFormValues(answer.settings)}
      disabled={!isAdmin}
      onFinish={(values) => void submit(values)}
      scrollToFirstError
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {banner ? <Alert type="error" showIcon role="alert" title={banner} /> : null}
        {!isAdmin ? <Alert type="info" showIcon title={t('appeals.settings.readOnly')} /> : null}
        <Card title={<h2 className="s-card-title">{t('appeals.settings.targets')}</h2>}>
          <Form.Item
            name={['settings', 'profile']}
            label={t('appeals.settings.fields.profile')}
            extra={t('appeals.settings.help.profile')}
            rules={[required]}
          >
            <Radio.Group
              options={PROFILES.map((profile) => ({
                value: profile,
                label: profileName(profile),
              }))}
            />
          </Form.Item>
          <SettingsTargets profileName={profileName} />
        </Card>
        <Card title={<h2 className="s-card-title">{t('appeals.settings.process')}</h2>}>
          <div className="s-settings-grid">
            {number(
              'maxReturns',
              { ...SETTINGS_LIMITS.maxReturns, integer: true },
              t('appeals.settings.units.times'),
            )}
            {number(
              'autoCloseWorkingDays',
              { ...SETTINGS_LIMITS.autoCloseWorkingDays, integer: true },
              t('appeals.settings.units.workingDays'),
            )}
            {number(
              'escalationStepWorkingHours',
              { ...SETTINGS_LIMITS.escalationStepWorkingHours, positive: true },
              t('appeals.settings.units.workingHours'),
            )}
            {number('returnVisitSampleRate', { min: 0, max: 100 }, '%')}
            {number('coPartShare', SETTINGS_LIMITS.coPartShare, '%')}
          </div>
          <Form.Item
            name={['settings', 'replyNeedsApproval']}
            label={t('appeals.settings.fields.replyNeedsApproval')}
            extra={t('appeals.settings.help.replyNeedsApproval')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Card>
        <Card title={<h2 className="s-card-title">{t('appeals.settings.weights')}</h2>}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('appeals.settings.weightsHelp')}
          </Typography.Paragraph>
          <div className="s-settings-grid">
            {WEIGHT_KEYS.map((key) => (
              <Form.Item
                key={key}
                name={['settings', 'weights', key]}
                label={t(`appeals.figures.rates.${key}`)}
                extra={
                  shares ? t('appeals.settings.share', { share: formatPercent(shares[key]) }) : undefined
                }
                rules={[
                  required,
                  { type: 'number', min: 0, message: fieldMessage('appeals.settings.range.atLeastZero') },
                ]}
              >
                <InputNumber min={0} step={0.05} style={{ width: 200 }} />
              </Form.Item>
            ))}
          </div>
          {!shares ? (
            <Alert type="warning" showIcon title={t('appeals.settings.noWeights')} role="alert" />
          ) : null}
        </Card>
        {isAdmin ? (
          <div className="s-form-actions">
            <Button type="primary" htmlType="submit" loading={isSaving} disabled={!shares}>
              {t('common.save')}
            </Button>
            <Button htmlType="button" onClick={() => form.resetFields()}>
              {t('appeals.settings.reset')}
            </Button>
          </div>
        ) : null}
      </Space>
    </Form>
  )
}
