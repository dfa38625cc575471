import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../app/api'
import { STAFF_ROLES } from '../../app/session'
import { showApiErrorOnForm } from '../../ui/form-errors'
import type { DepartmentOption } from '../../ui/department-options'
import { DepartmentSelect } from '../../ui/staff/DepartmentSelect'
import { grantsToRows, rowsToGrants, sameGrants, type RoleRow } from './role-grants'
import { usersApi, type StaffUser, type UpdateUserBody } from './users.api'
import { fieldMessage, rejectWith } from '../../ui/field-message'

type Values = {
  username: string
  displayName: string
  departmentId: string
  roles: RoleRow[]
  phone?: string
  email?: string
  isDisabled: boolean
}

const FORM_FIELDS = ['username', 'displayName', 'departmentId', 'roles', 'phone', 'email', 'isDisabled']
const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null)

/** Create a staff account (answers its one-time password) or change one (admin). */
export function UserFormModal({
  user,
  departments,
  onClose,
  onCreated,
  onSaved,
  onConflict,
}: {
  user?: StaffUser
  departments: DepartmentOption[]
  onClose: () => void
  onCreated: (user: StaffUser, initialPassword: string) => void
  onSaved: (user: StaffUser) => void
  onConflict: () => void
}) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)

  const initialValues: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        departmentId: user.departmentId,
        roles: grantsToRows(user),
        phone: user.phone ?? '',
        email: user.email ?? '',
        isDisabled: user.isDisabled,
      }
    : { roles: [{}], isDisabled: false }

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    const roles = rowsToGrants(values.roles)
    const phone = blankToNull(values.phone)
    const email = blankToNull(values.email)
    try {
      if (!user) {
        const created = await usersApi.create({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          departmentId: values.departmentId,
          roles,
          phone,
          email,
        })
        onCreated(created.user, created.initialPassword)
        return
      }
      const body: UpdateUserBody = { version: user.version }
      if (values.displayName.trim() !== user.displayName) body.displayName = values.displayName.trim()
      if (values.departmentId !== user.departmentId) body.departmentId = values.departmentId
      if (!sameGrants(roles, user.roles, values.departmentId, user.departmentId)) body.roles = roles
      if (phone !== user.phone) body.phone = phone
      if (email !== user.email) body.email = email
      if (values.isDisabled !== user.isDisabled) body.isDisabled = values.isDisabled
      onSaved(await usersApi.update(user.id, body))
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        modal.warning({ title: t('common.versionConflictTitle'), content: error.message, onOk: onConflict })
        return
      }
      setBanner(
        showApiErrorOnForm(form, error, FORM_FIELDS, errorMessage(error, t('errors.generic')), {
          USERNAME_TAKEN: 'username',
        }),
      )
    } finally {
      setSaving(false)
    }
  }

  const required = { required: true, message: fieldMessage('fields.required') }
  const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.create')}
      okText={user ? t('common.save') : t('users.createSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        name="user"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="username"
          label={t('auth.staffLogin.username')}
          extra={user ? undefined : t('users.help.username')}
          rules={[
            required,
            { pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, message: fieldMessage('users.help.username') },
          ]}
        >
          <Input disabled={!!user} autoComplete="off" className="s-mono" spellCheck={false} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.fields.displayName')} rules={[required]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="departmentId" label={t('users.fields.department')} rules={[required]}>
          <DepartmentSelect options={departments} placeholder={t('users.placeholders.department')} />
        </Form.Item>
        <Form.Item label={t('users.fields.roles')} required extra={t('users.help.roles')}>
          <Form.List
            name="roles"
            rules={[
              {
                validator: async (_rule, rows: RoleRow[] | undefined) => {
                  if (!rowsToGrants(rows).length) return rejectWith(fieldMessage('users.help.rolesRequired'))
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
                    <Form.Item name={[field.name, 'role']} rules={[required]} noStyle>
                      <Select
                        aria-label={t('users.fields.roleN', { n: index + 1 })}
                        placeholder={t('users.placeholders.role')}
                        options={roleOptions}
                        showSearch={{ optionFilterProp: 'label' }}
                        style={{ width: 170 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'departmentId']} noStyle>
                      <DepartmentSelect
                        aria-label={t('users.fields.roleDepartmentN', { n: index + 1 })}
                        allowClear
                        placeholder={t('users.placeholders.roleDepartment')}
                        options={departments}
                        style={{ width: 260 }}
                      />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('users.removeRoleN', { n: index + 1 })}
                      />
                    ) : null}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('users.addRole')}
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.fields.phone')}
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: fieldMessage('auth.enterpriseLogin.phoneInvalid') }]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.fields.email')}
          rules={[{ type: 'email', message: fieldMessage('users.help.email') }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        {user ? (
          <Form.Item
            name="isDisabled"
            label={t('users.fields.isDisabled')}
            valuePropName="checked"
            extra={t('users.help.isDisabled')}
          >
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  )
}
