import { useTranslation } from 'react-i18next'
import { displayValue, visibleSections, type FormData, type FormDefinition } from './form-logic'
import './json-form.css'

/**
 * What was given, as text (the confirm step, the application page): the same sections and
 * conditional questions as the form, a repeatable group as one line per row.
 */
export function ReadOnlyForm({ form, data }: { form: FormDefinition; data: FormData }) {
  const { t } = useTranslation()
  const yes = t('jsonForm.yes')
  const no = t('jsonForm.no')
  return (
    <div className="jf-form">
      {visibleSections(form, data).map((section) => (
        <section key={section.title} className="jf-section jf-readonly" aria-label={section.title}>
          {section.title ? <h2 className="jf-section-title">{section.title}</h2> : null}
          <dl>
            {section.fields.map(({ name, schema }) => {
              const value = data[name]
              const isGroup = schema.type === 'array' && schema.items?.type === 'object'
              return (
                <div key={name}>
                  <dt>{schema.title ?? name}</dt>
                  <dd>
                    {isGroup && Array.isArray(value) && value.length > 0 ? (
                      <ol className="jf-readonly-rows">
                        {(value as FormData[]).map((row, i) => (
                          <li key={i}>
                            {Object.entries(schema.items?.properties ?? {})
                              .map(([sub, subSchema]) => displayValue(subSchema, row[sub], yes, no))
                              .join('，')}
                          </li>
                        ))}
                      </ol>
                    ) : (
                      displayValue(schema, value, yes, no)
                    )}
                  </dd>
                </div>
              )
            })}
          </dl>
        </section>
      ))}
    </div>
  )
}
