import { Button, Dialog, ErrorBlock, Form, Input, Radio, Tag } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { errorMessage } from '../../app/api'
import { PageLoading } from '../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../app/routes'
import { useSession } from '../../app/session'
import { formatDateTime } from '../../ui/format'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { Banner } from '../../ui/mobile/Banner'
import { useLoad } from '../../ui/use-load'
import { MOBILE_PHONE } from '../../ui/contact-phone'
import { enterprisesApi, type Member, type MemberRole } from './enterprises.api'
import { fieldMessage } from '../../ui/field-message'

type AddValues = { phone: string; role: MemberRole }

/** Who acts for the enterprise; managers add a mobile number as agent or manager, and remove people. */
export function MembersSection({
  enterpriseId,
  isManager,
  myUserId,
}: {
  enterpriseId: string
  isManager: boolean
  myUserId: string
}) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const { refresh } = useSession()
  const members = useLoad(() => enterprisesApi.listMembers(enterpriseId), [enterpriseId])
  const [form] = Form.useForm<AddValues>()
  const [banner, setBanner] = useState<{ tone: 'error' | 'info'; text: string }>()
  const [isAdding, setAdding] = useState(false)

  if (members.error)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(members.error, t('errors.loadFailed'))}
        description=""
      />
    )
  if (!members.data) return <PageLoading />
  const list = members.data.items
  const managerCount = list.filter((m) => m.role === 'manager').length

  const add = async (values: AddValues) => {
    setBanner(undefined)
    setAdding(true)
    try {
      const added = await enterprisesApi.addMember(enterpriseId, {
        phone: values.phone.trim(),
        role: values.role,
      })
      members.setData((current) => ({ items: [...(current?.items ?? []), added] }))
      form.resetFields()
      setBanner({ tone: 'info', text: t('enterprise.members.added', { phone: added.phone }) })
    } catch (error) {
      const text = showApiErrorOnForm(
        form,
        error,
        ['phone', 'role'],
        errorMessage(error, t('errors.generic')),
        {
          ALREADY_A_MEMBER: 'phone',
        },
      )
      if (text) setBanner({ tone: 'error', text })
    } finally {
      setAdding(false)
    }
  }

  const remove = async (member: Member) => {
    const isSelf = member.userId === myUserId
    const confirmed = await Dialog.confirm({
      content: isSelf
        ? t('enterprise.members.confirmLeave')
        : t('enterprise.members.confirmRemove', { name: member.displayName }),
      confirmText: t('enterprise.members.remove'),
      cancelText: t('common.cancel'),
    })
    if (!confirmed) return
    setBanner(undefined)
    try {
      await enterprisesApi.removeMember(enterpriseId, member.userId)
      if (isSelf) {
        await refresh()
        void navigate(paths.home, { replace: true })
        return
      }
      members.setData((current) => ({
        items: (current?.items ?? []).filter((m) => m.userId !== member.userId),
      }))
    } catch (error) {
      setBanner({ tone: 'error', text: errorMessage(error, t('errors.generic')) })
    }
  }

  return (
    <>
      <Banner tone={banner?.tone} text={banner?.text} />
      <ul
        className="m-section"
        style={{ listStyle: 'none', margin: 0 }}
        aria-label={t('enterprise.profile.tabMembers')}
      >
        {list.map((member) => {
          // The server refuses to remove the last manager; say so before the user tries.
          const isLastManager = member.role === 'manager' && managerCount <= 1
          return (
            <li key={member.userId} className="m-member">
              <div className="m-member-body">
                <div>
                  <strong>{member.displayName}</strong>{' '}
                  <Tag color={member.role === 'manager' ? 'primary' : 'default'} fill="outline">
                    {t(`enterprise.memberRoles.${member.role}`)}
                  </Tag>
                  {member.userId === myUserId ? (
                    <span className="m-muted"> {t('enterprise.members.you')}</span>
                  ) : null}
                </div>
                <div className="m-muted">
                  {member.phone} ·{' '}
                  {t('enterprise.members.addedAt', { at: formatDateTime(member.addedAt, i18n.language) })}
                </div>
              </div>
              {isManager && !isLastManager ? (
                <Button
                  size="small"
                  color="danger"
                  fill="outline"
                  onClick={() => void remove(member)}
                  aria-label={t('enterprise.members.removeNamed', { name: member.displayName })}
                >
                  {t('enterprise.members.remove')}
                </Button>
              ) : null}
            </li>
          )
        })}
      </ul>
      {isManager ? (
        <section aria-labelledby="add-member-title">
          <h3 id="add-member-title" className="m-section-title" style={{ margin: '16px 4px 8px' }}>
            {t('enterprise.members.addTitle')}
          </h3>
          <Form
            form={form}
            name="add-member"
            className="m-form"
            initialValues={{ role: 'agent' }}
            onFinish={(values) => void add(values)}
            footer={
              <Button block type="submit" color="primary" size="large" loading={isAdding}>
                {t('enterprise.members.add')}
              </Button>
            }
          >
            <Form.Item
              name="phone"
              label={t('enterprise.members.phone')}
              rules={[
                { required: true, message: fieldMessage('auth.enterpriseLogin.phoneRequired') },
                { pattern: MOBILE_PHONE, message: fieldMessage('auth.enterpriseLogin.phoneInvalid') },
              ]}
            >
              <Input
                type="tel"
                inputMode="numeric"
                maxLength={11}
                placeholder={t('auth.enterpriseLogin.phonePlaceholder')}
              />
            </Form.Item>
            <Form.Item name="role" label={t('enterprise.members.role')}>
              <RoleChoice />
            </Form.Item>
          </Form>
          <p className="m-muted" style={{ margin: '0 4px' }}>
            {t('enterprise.members.addHint')}
          </p>
        </section>
      ) : null}
    </>
  )
}

function RoleChoice({ value, onChange }: { value?: MemberRole; onChange?: (value: MemberRole) => void }) {
  const { t } = useTranslation()
  return (
    <div role="radiogroup" aria-label={t('enterprise.members.role')}>
      <Radio.Group value={value ?? null} onChange={(picked) => onChange?.(picked as MemberRole)}>
        <div className="m-choice-group">
          <Radio value="agent">{t('enterprise.memberRoles.agent')}</Radio>
          <Radio value="manager">{t('enterprise.memberRoles.manager')}</Radio>
        </div>
      </Radio.Group>
    </div>
  )
}
