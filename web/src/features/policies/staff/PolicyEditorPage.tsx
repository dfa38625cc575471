import { Alert, App, Card, Space, Typography } from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { paths } from '../../../app/routes'
import { FullPageSpin } from '../../../ui/staff/FullPageSpin'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { groupPolicyErrors, type GroupedErrors } from '../policy-errors'
import { policiesApi, type PolicyView } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { AttachmentsCard } from './AttachmentsCard'
import { ItemEditorDrawer } from './ItemEditorDrawer'
import { ItemsCard } from './ItemsCard'
import { PolicyMetaForm } from './PolicyMetaForm'
import { PolicyMetaView } from './PolicyMetaView'
import { PolicyStatusTag } from './PolicyStatusTag'
import { usePolicyDepartments } from './use-departments'
import { VersionsCard } from './VersionsCard'
import { WorkflowBar } from './WorkflowBar'
import '../../../ui/staff/policy-pages.css'

/**
 * `/staff/policies/:id`: a policy's working copy — the document, its items and their rules — with
 * the workflow steps the caller may take, and the versions published so far.
 */
export function PolicyEditorPage() {
  const { t, language } = usePolicyText()
  const { id = '' } = useParams()
  const policy = useLoad(() => policiesApi.get(id), [id, language])
  if (policy.error)
    return (
      <>
        <PageHeader title={t('policies.staff.editor.notFound')} />
        <Alert
          type="error"
          showIcon
          title={errorMessage(policy.error, t('errors.loadFailed'))}
          description={<Link to={paths.staffPolicies}>{t('policies.staff.editor.backToList')}</Link>}
        />
      </>
    )
  if (!policy.data) return <FullPageSpin label={t('common.loading')} inline />
  return <Editor policy={policy.data} setPolicy={policy.setData} reload={policy.reload} />
}

function Editor({
  policy,
  setPolicy,
  reload,
}: {
  policy: PolicyView
  setPolicy: (policy: PolicyView) => void
  reload: () => void
}) {
  const { t, tx } = usePolicyText()
  const { message } = App.useApp()
  const departments = usePolicyDepartments()
  const [editing, setEditing] = useState<string | 'new'>()
  const [errors, setErrors] = useState<{ grouped: GroupedErrors; message: string }>()
  const [versionsKey, setVersionsKey] = useState(0)
  const [conflict, setConflict] = useState(false)
  const canEdit = policy.allowedActions.includes('edit')
  const item = editing && editing !== 'new' ? policy.items.find((i) => i.id === editing) : undefined

  const saveMeta = async (meta: Parameters<Parameters<typeof PolicyMetaForm>[0]['onSubmit']>[0]) => {
    const { ownerDepartmentId: _owner, ...changes } = meta
    try {
      setPolicy(await policiesApi.update(policy.id, { version: policy.version, ...changes }))
      void message.success(t('common.saved'))
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) setConflict(true)
      throw error
    }
  }

  return (
    <>
      <PageHeader
        title={policy.title}
        subtitle={
          <Space wrap size={8}>
            <PolicyStatusTag status={policy.status} revisionStatus={policy.revisionStatus} />
            <span>
              {[policy.documentNumber, policy.issuer, policy.ownerDepartmentName].filter(Boolean).join(' · ')}
            </span>
            {policy.publishedVersion ? (
              <span>{t('policies.staff.editor.publishedVersion', { version: policy.publishedVersion })}</span>
            ) : null}
          </Space>
        }
        extra={
          <WorkflowBar
            policy={policy}
            onDone={(next) => {
              setErrors(undefined)
              setPolicy(next)
              setVersionsKey((n) => n + 1)
              void message.success(t('policies.staff.actions.done'))
            }}
            onFieldErrors={(fields, text) =>
              setErrors({
                grouped: groupPolicyErrors(
                  fields,
                  policy.items.map((i) => i.code),
                ),
                message: text,
              })
            }
          />
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {conflict ? (
          <Alert
            type="warning"
            showIcon
            title={t('common.versionConflictTitle')}
            description={
              <Typography.Link
                onClick={() => {
                  setConflict(false)
                  reload()
                }}
              >
                {t('policies.staff.editor.reload')}
              </Typography.Link>
            }
          />
        ) : null}
        {policy.statusNote ? (
          <Alert
            type="info"
            showIcon
            title={t('policies.staff.editor.statusNote')}
            description={policy.statusNote}
          />
        ) : null}
        {errors ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errors.message}
            description={
              <ul className="s-error-list">
                {Object.values(errors.grouped.policy).map((m) => (
                  <li key={m}>{m}</li>
                ))}
                {Object.keys(errors.grouped.items).map((code) => (
                  <li key={code}>{t('policies.staff.editor.itemHasProblems', { code })}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {!canEdit &&
        (policy.status === 'published' || policy.status === 'amended') &&
        !policy.revisionStatus ? (
          <Alert
            type="info"
            showIcon
            title={
              policy.allowedActions.includes('revise')
                ? t('policies.staff.editor.inForceHint')
                : t('policies.staff.editor.inForceReadOnly')
            }
          />
        ) : policy.status === 'review' || policy.revisionStatus === 'review' ? (
          <Alert type="info" showIcon title={t('policies.staff.editor.inReviewHint')} />
        ) : null}
        <Card title={<h2 className="s-card-title">{t('policies.staff.editor.meta')}</h2>}>
          {canEdit ? (
            <PolicyMetaForm
              key={policy.version}
              policy={policy}
              departments={departments.all}
              submitLabel={t('common.save')}
              onSubmit={saveMeta}
              externalErrors={errors?.grouped.policy}
            />
          ) : (
            <PolicyMetaView policy={policy} />
          )}
        </Card>
        <ItemsCard
          policy={policy}
          canEdit={canEdit}
          itemErrors={errors?.grouped.items ?? {}}
          onOpen={(itemId) => setEditing(itemId)}
        />
        <AttachmentsCard
          policy={policy}
          canEdit={canEdit}
          onAdded={(attachment) => setPolicy({ ...policy, attachments: [...policy.attachments, attachment] })}
        />
        <VersionsCard policyId={policy.id} refreshKey={versionsKey} />
      </Space>
      {editing ? (
        <ItemEditorDrawer
          key={editing}
          policy={policy}
          item={item}
          departments={departments.all}
          readOnly={!canEdit}
          publishErrors={item ? errors?.grouped.items[item.code] : undefined}
          onClose={() => setEditing(undefined)}
          onSaved={(next) => {
            setPolicy(next)
            setEditing(undefined)
            if (item && errors) {
              const { [item.code]: _fixed, ...rest } = errors.grouped.items
              setErrors({ ...errors, grouped: { ...errors.grouped, items: rest } })
            }
            void message.success(tx('common.saved'))
          }}
        />
      ) : null}
    </>
  )
}
