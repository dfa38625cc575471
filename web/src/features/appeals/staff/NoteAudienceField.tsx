import { Alert, Form, Radio } from 'antd'
import type { NoteAudience } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'

/**
 * Who reads the note written beside it: staff only (preselected) or the enterprise too. The dialog
 * says it in words; when the step itself addresses the enterprise (a message, what a pause waits for)
 * the choice is made and said instead of asked.
 */
export function NoteAudienceField({ forced }: { forced?: NoteAudience | undefined }) {
  const { t } = useAppealText()
  const chosen = Form.useWatch<NoteAudience | undefined>('noteAudience')
  if (forced)
    return (
      <>
        <Form.Item name="noteAudience" hidden>
          <input type="hidden" />
        </Form.Item>
        <Alert
          type={forced === 'enterprise' ? 'warning' : 'info'}
          showIcon
          title={t(
            forced === 'enterprise' ? 'appeals.audience.sentToEnterprise' : 'appeals.audience.internalOnly',
          )}
          style={{ marginBottom: 16 }}
        />
      </>
    )
  return (
    <Form.Item
      name="noteAudience"
      label={t('appeals.audience.label')}
      extra={t(chosen === 'enterprise' ? 'appeals.audience.enterpriseHelp' : 'appeals.audience.internalHelp')}
    >
      <Radio.Group
        optionType="button"
        options={[
          { value: 'internal', label: t('appeals.audience.internal') },
          { value: 'enterprise', label: t('appeals.audience.enterprise') },
        ]}
      />
    </Form.Item>
  )
}
