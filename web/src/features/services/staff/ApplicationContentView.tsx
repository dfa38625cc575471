import { Card, Descriptions, Empty, List, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  displayValue,
  visibleSections,
  type FormData,
  type FormDefinition,
} from '../../../ui/json-form/form-logic'
import { servicesApi, type ApplicationFormView } from '../services.api'

/**
 * The console's read-only view of an application's form and materials (decision 0044): the same
 * sections and conditional questions the applicant filled in, and how each material was satisfied
 * (由平台提供, 由平台调取 with the certificate's number, uploaded or reused files to open). The
 * review page places it with `GET /services/applications/{id}/form`'s answer.
 */
export function ApplicationContentView({ content }: { content: ApplicationFormView }) {
  const { t } = useTranslation()
  const form = content.form as FormDefinition | null
  const data = content.data as FormData
  const yes = t('services.content.yes')
  const no = t('services.content.no')
  return (
    <>
      {form ? (
        visibleSections(form, data).map((section) => (
          <Card
            key={section.title}
            size="small"
            title={section.title || undefined}
            style={{ marginBottom: 12 }}
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              {section.fields.map(({ name, schema }) => {
                const value = data[name]
                const isGroup = schema.type === 'array' && schema.items?.type === 'object'
                return (
                  <Descriptions.Item key={name} label={schema.title ?? name} span={isGroup ? 2 : 1}>
                    {isGroup && Array.isArray(value) ? (
                      <ol style={{ margin: 0, paddingLeft: 18 }}>
                        {(value as FormData[]).map((row, i) => (
                          <li key={i}>
                            {Object.entries(schema.items?.properties ?? {})
                              .map(([sub, s]) => `${s.title ?? sub}：${displayValue(s, row[sub], yes, no)}`)
                              .join('；')}
                          </li>
                        ))}
                      </ol>
                    ) : (
                      displayValue(schema, value, yes, no)
                    )}
                  </Descriptions.Item>
                )
              })}
            </Descriptions>
          </Card>
        ))
      ) : (
        <Empty description={t('services.apply.noForm')} />
      )}
      <Card size="small" title={t('services.application.materials')}>
        <List
          size="small"
          dataSource={content.materials}
          renderItem={(m) => (
            <List.Item
              extra={
                m.state === 'platform' ? (
                  <Tag color="green">{t('services.apply.platform')}</Tag>
                ) : m.state === 'certificate' ? (
                  <Tag color="green">
                    {t('services.apply.certificate')} {m.certificate?.number}
                  </Tag>
                ) : m.state === 'missing' ? (
                  <Tag color={m.required ? 'red' : 'default'}>—</Tag>
                ) : null
              }
            >
              <div>
                <div>{m.name}</div>
                {m.files.map((f) => (
                  <a
                    key={f.id}
                    href={servicesApi.materialFileUrl(content.applicationId, f.id)}
                    target="_blank"
                    rel="noreferrer"
                    style={{ marginRight: 12 }}
                  >
                    {f.fileName}
                  </a>
                ))}
              </div>
            </List.Item>
          )}
        />
      </Card>
    </>
  )
}
