import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag, Tooltip } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { hasStaffRole, STAFF_ROLES, useSession, type StaffRole } from '../../app/session'
import { formatDateTime } from '../../ui/format'
import { PageHeader } from '../../ui/staff/PageHeader'
import { useLoad } from '../../ui/use-load'
import { departmentSelectOptions } from '../../ui/department-options'
import { departmentsApi } from '../../app/shared-api/departments'
import { DepartmentSelect } from '../../ui/staff/DepartmentSelect'
import { InitialPasswordModal } from './InitialPasswordModal'
import { UserFormModal } from './UserFormModal'
import { usersApi, type StaffUser, type UserFilter } from './users.api'

type Editing = { user?: StaffUser } | undefined
type Shown = { username: string; password: string } | undefined

/**
 * `/staff/users`: staff accounts. Admins see and change everyone; a department head sees the
 * people of their department (the server scopes the list) and changes nothing.
 */
export function UsersPage() {
  const { t, i18n } = useTranslation()
  const { me } = useSession()
  const { modal, message } = App.useApp()
  const isAdmin = hasStaffRole(me, 'admin')
  const [filter, setFilter] = useState<UserFilter>({})
  const [editing, setEditing] = useState<Editing>()
  const [shownPassword, setShownPassword] = useState<Shown>()
  const users = useLoad(() => usersApi.list(filter), [filter])
  const departments = useLoad(() => departmentsApi.list(), [])
  const departmentOptions = useMemo(
    () => departmentSelectOptions(departments.data?.items ?? []),
    [departments.data],
  )

  const replaceUser = (user: StaffUser) =>
    users.setData((current) => ({
      items: (current?.items ?? []).some((u) => u.id === user.id)
        ? (current?.items ?? []).map((u) => (u.id === user.id ? user : u))
        : [user, ...(current?.items ?? [])],
    }))

  const resetPassword = (user: StaffUser) =>
    modal.confirm({
      title: t('users.resetPassword'),
      content: t('users.confirmReset', { name: user.displayName }),
      okText: t('users.resetPassword'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { initialPassword } = await usersApi.resetPassword(user.id)
          setShownPassword({ username: user.username, password: initialPassword })
          users.reload()
        } catch (error) {
          void message.error(errorMessage(error, t('errors.generic')))
        }
      },
    })

  const unlock = async (user: StaffUser) => {
    try {
      await usersApi.unlock(user.id)
      void message.success(t('users.unlocked', { name: user.displayName }))
      users.reload()
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
    }
  }

  const revokeSessions = (user: StaffUser) =>
    modal.confirm({
      title: t('users.revokeSessions'),
      content: t('users.confirmRevoke', { name: user.displayName }),
      okText: t('users.revokeSessions'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { sessionsEnded } = await usersApi.revokeSessions(user.id)
          void message.success(t('users.revoked', { count: sessionsEnded }))
        } catch (error) {
          void message.error(errorMessage(error, t('errors.generic')))
        }
      },
    })

  const columns: ColumnsType<StaffUser> = [
    {
      title: t('auth.staffLogin.username'),
      dataIndex: 'username',
      width: 130,
      render: (name: string) => <span className="s-mono">{name}</span>,
    },
    { title: t('users.fields.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('users.fields.department'), dataIndex: 'departmentName', width: 180 },
    {
      title: t('users.fields.roles'),
      key: 'roles',
      width: 220,
      render: (_value, user) => (
        <Space size={[0, 4]} wrap>
          {user.roles.map((grant) => (
            <Tag key={`${grant.role}@${grant.departmentId}`} color="blue">
              {t(`roles.${grant.role}`)}
              {grant.departmentId === user.departmentId ? '' : ` · ${grant.departmentName}`}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.fields.status'),
      key: 'status',
      width: 170,
      render: (_value, user) => (
        <Space size={[0, 4]} wrap>
          {user.isDisabled ? (
            <Tag color="default">{t('users.status.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('users.status.active')}</Tag>
          )}
          {user.isLocked ? <Tag color="red">{t('users.status.locked')}</Tag> : null}
          {user.mustChangePassword ? <Tag color="orange">{t('users.status.mustChangePassword')}</Tag> : null}
          {user.totpEnabled ? <Tag color="purple">{t('users.status.totp')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('users.fields.lastSignInAt'),
      dataIndex: 'lastSignInAt',
      width: 150,
      render: (at: string | null) => formatDateTime(at, i18n.language),
    },
  ]
  if (isAdmin) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      fixed: 'right',
      render: (_value, user) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing({ user })}
            aria-label={t('users.editNamed', { name: user.displayName })}
          >
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => resetPassword(user)}
            aria-label={t('users.resetPasswordNamed', { name: user.displayName })}
          >
            {t('users.resetPassword')}
          </Button>
          {user.isLocked ? (
            <Button
              type="link"
              size="small"
              onClick={() => void unlock(user)}
              aria-label={t('users.unlockNamed', { name: user.displayName })}
            >
              {t('users.unlock')}
            </Button>
          ) : null}
          <Tooltip title={t('users.revokeSessionsHint')}>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => revokeSessions(user)}
              aria-label={t('users.revokeSessionsNamed', { name: user.displayName })}
            >
              {t('users.revokeSessions')}
            </Button>
          </Tooltip>
        </Space>
      ),
    })
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={isAdmin ? t('users.subtitleAdmin') : t('users.subtitleReadOnly')}
        extra={
          isAdmin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="inline"
          name="user-filter"
          onFinish={(values: { departmentId?: string; role?: StaffRole; q?: string }) =>
            setFilter({
              departmentId: values.departmentId,
              role: values.role,
              q: values.q?.trim() || undefined,
            })
          }
          style={{ rowGap: 12 }}
        >
          <Form.Item name="departmentId" label={t('users.fields.department')}>
            <DepartmentSelect
              allowClear
              options={departmentOptions}
              placeholder={t('common.all')}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item name="role" label={t('users.fields.role')}>
            <Select
              allowClear
              options={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              placeholder={t('common.all')}
              style={{ width: 150 }}
            />
          </Form.Item>
          <Form.Item name="q" label={t('users.filterQuery')}>
            <Input placeholder={t('users.filterQueryPlaceholder')} allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {users.error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(users.error, t('errors.loadFailed'))}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<StaffUser>
          rowKey="id"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isLoading}
          size="middle"
          // Read-only (no buttons in the rows): no horizontal scroll region a keyboard could not reach.
          scroll={isAdmin ? { x: 1250 } : undefined}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </Card>
      {editing ? (
        <UserFormModal
          user={editing.user}
          departments={departmentOptions}
          onClose={() => setEditing(undefined)}
          onCreated={(user, initialPassword) => {
            setEditing(undefined)
            replaceUser(user)
            setShownPassword({ username: user.username, password: initialPassword })
          }}
          onSaved={(user) => {
            setEditing(undefined)
            replaceUser(user)
            void message.success(t('common.saved'))
          }}
          onConflict={() => {
            setEditing(undefined)
            users.reload()
          }}
        />
      ) : null}
      {shownPassword ? (
        <InitialPasswordModal
          username={shownPassword.username}
          password={shownPassword.password}
          onClose={() => setShownPassword(undefined)}
        />
      ) : null}
    </>
  )
}
