import { Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd'
import { useLoad } from '../../../ui/use-load'
import { factsApi } from '../../../app/shared-api/facts'
import { usePolicyText } from '../use-policy-text'
import { fieldMessage } from '../../../ui/field-message'

export type ExclusionValues = {
  enabled: boolean
  clause?: string
  tag?: string
  sinceFact?: string | null
  validYears?: number | null
}

/**
 * "Not offered to enterprises that already hold what it grants": the recognition the item grants
 * (a value of the enterprise's tags), the date fact of when it was granted and how many years it
 * holds, and the clause of the policy that says so. Off by default.
 */
export function ExclusionFields({ readOnly }: { readOnly: boolean }) {
  const { t, language } = usePolicyText()
  const definitions = useLoad(() => factsApi.definitions(), [])
  const enabled = Form.useWatch(['exclusion', 'enabled'])
  const sinceFact = Form.useWatch(['exclusion', 'sinceFact'])
  const zh = language !== 'en'
  const facts = definitions.data?.items ?? []
  const tags = facts.find((d) => d.key === 'tags')?.values ?? []
  const dates = facts.filter((d) => d.type === 'date' && !d.formula)
  const required = { required: true, message: fieldMessage('fields.required') }
  return (
    <section aria-labelledby="exclusion-heading" className="s-exclusion">
      <h3 id="exclusion-heading" className="s-subtitle">
        {t('policies.staff.exclusion.title')}
      </h3>
      <Typography.Paragraph type="secondary" className="s-small">
        {t('policies.staff.exclusion.hint')}
      </Typography.Paragraph>
      <Form.Item
        name={['exclusion', 'enabled']}
        label={t('policies.staff.exclusion.enabled')}
        valuePropName="checked"
      >
        <Switch disabled={readOnly} />
      </Form.Item>
      {enabled ? (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name={['exclusion', 'tag']}
              label={t('policies.staff.exclusion.tag')}
              rules={[required]}
            >
              <Select
                loading={definitions.isLoading}
                options={tags.map((v) => ({ value: v.code, label: zh ? v.zh : v.en }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name={['exclusion', 'sinceFact']} label={t('policies.staff.exclusion.sinceFact')}>
              <Select
                allowClear
                placeholder={t('policies.staff.exclusion.sinceFactNone')}
                loading={definitions.isLoading}
                options={dates.map((d) => ({ value: d.key, label: zh ? d.labelZh : d.labelEn }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name={['exclusion', 'validYears']}
              label={t('policies.staff.exclusion.validYears')}
              rules={sinceFact ? [required] : []}
            >
              <InputNumber min={1} max={20} precision={0} disabled={!sinceFact} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name={['exclusion', 'clause']}
              label={t('policies.staff.exclusion.clause')}
              rules={[required]}
            >
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </section>
  )
}

/** The form's exclusion as the API takes it (null when it is off). */
export function exclusionBody(values: ExclusionValues | undefined) {
  if (!values?.enabled || !values.tag) return null
  const dated = !!values.sinceFact && !!values.validYears
  return {
    clause: values.clause?.trim() ?? '',
    tag: values.tag,
    sinceFact: dated ? values.sinceFact! : null,
    validYears: dated ? values.validYears! : null,
  }
}
