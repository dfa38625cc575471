import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Form, Input, Typography } from 'antd'
import { usePolicyText } from '../use-policy-text'
import { RuleInput } from './RuleInput'
import { fieldMessage } from '../../../ui/field-message'

/**
 * The item's conditions: each the clause of the policy text it comes from and the rule that
 * checks it, checked live against the fact schema (and the preview enterprise, when chosen).
 */
export function ConditionsList({ enterpriseId, readOnly }: { enterpriseId?: string; readOnly: boolean }) {
  const { t } = usePolicyText()
  const required = { required: true, message: fieldMessage('fields.required') }
  return (
    <section aria-labelledby="conditions-heading" className="s-conditions">
      <h3 id="conditions-heading" className="s-subtitle">
        {t('policies.staff.conditions.title')}
      </h3>
      <Typography.Paragraph type="secondary" className="s-small">
        {t('policies.staff.conditions.intro')}
      </Typography.Paragraph>
      <Form.List name="conditions">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <div key={field.key} className="s-condition-box">
                <div className="s-condition-head">
                  <strong>{t('policies.staff.conditions.number', { n: index + 1 })}</strong>
                  {readOnly ? null : (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden="true" />}
                      onClick={() => remove(field.name)}
                      title={t('policies.staff.conditions.remove', { n: index + 1 })}
                    >
                      {t('common.delete')}
                    </Button>
                  )}
                </div>
                <Form.Item name={[field.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'clause']}
                  label={t('policies.staff.conditions.clause')}
                  rules={[required]}
                  extra={index === 0 ? t('policies.staff.conditions.clauseHint') : undefined}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'rule']}
                  label={t('policies.staff.conditions.rule')}
                  rules={[required]}
                  validateTrigger="onBlur"
                >
                  <RuleInput
                    expect="boolean"
                    enterpriseId={enterpriseId}
                    placeholder={t('policies.staff.conditions.rulePlaceholder')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'note']}
                  label={t('policies.staff.conditions.note')}
                  style={{ marginBottom: 0 }}
                >
                  <Input maxLength={500} />
                </Form.Item>
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            {readOnly ? null : (
              <Button
                icon={<PlusOutlined aria-hidden="true" />}
                onClick={() => add({ clause: '', rule: '' })}
              >
                {t('policies.staff.conditions.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </section>
  )
}
