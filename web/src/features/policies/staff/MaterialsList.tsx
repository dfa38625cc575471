import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Checkbox, Col, Form, Input, Row } from 'antd'
import { usePolicyText } from '../use-policy-text'
import { fieldMessage } from '../../../ui/field-message'

/** The materials an application needs, named in both languages. */
export function MaterialsList({ readOnly }: { readOnly: boolean }) {
  const { t } = usePolicyText()
  const required = { required: true, message: fieldMessage('fields.required') }
  return (
    <section aria-labelledby="materials-heading" style={{ marginTop: 24 }}>
      <h3 id="materials-heading" className="s-subtitle">
        {t('policies.fields.materials')}
      </h3>
      <Form.List name="requiredMaterials">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={12} align="top">
                <Form.Item name={[field.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Col xs={24} md={9}>
                  <Form.Item
                    name={[field.name, 'nameZh']}
                    label={index === 0 ? t('policies.staff.materials.nameZh') : undefined}
                    rules={[required]}
                  >
                    <Input maxLength={60} aria-label={t('policies.staff.materials.nameZh')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={9}>
                  <Form.Item
                    name={[field.name, 'nameEn']}
                    label={index === 0 ? t('policies.staff.materials.nameEn') : undefined}
                    rules={[required]}
                  >
                    <Input maxLength={100} aria-label={t('policies.staff.materials.nameEn')} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={4}>
                  <Form.Item
                    name={[field.name, 'isRequired']}
                    valuePropName="checked"
                    label={index === 0 ? ' ' : undefined}
                  >
                    <Checkbox>{t('policies.staff.materials.required')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={8} md={2}>
                  {readOnly ? null : (
                    <Form.Item label={index === 0 ? ' ' : undefined}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined aria-hidden="true" />}
                        onClick={() => remove(field.name)}
                        aria-label={t('policies.staff.materials.remove', { n: index + 1 })}
                      />
                    </Form.Item>
                  )}
                </Col>
              </Row>
            ))}
            {readOnly ? null : (
              <Button
                icon={<PlusOutlined aria-hidden="true" />}
                onClick={() => add({ nameZh: '', nameEn: '', isRequired: true })}
              >
                {t('policies.staff.materials.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </section>
  )
}
