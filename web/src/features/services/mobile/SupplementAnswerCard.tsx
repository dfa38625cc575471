import { Button, Form, List, Selector, TextArea } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { MAX_ATTACHMENTS } from '../../../ui/attachments'
import { cityDateOf } from '../../../ui/format'
import { AttachmentPicker } from '../../../ui/mobile/AttachmentPicker'
import { Banner } from '../../../ui/mobile/Banner'
import { useAttachmentUploads } from '../../../ui/use-attachment-uploads'
import { servicesApi, type Application } from '../services.api'

/** The deadline is the next day's 00:00 (an answer at it is late): the applicant's last day is the one before. */
function lastDayOf(dueAt: string | null): string {
  return dueAt ? cityDateOf(new Date(new Date(dueAt).getTime() - 1)) : '—'
}

/** The material a supplement item names (the department usually writes the material's name), else the first. */
export function materialForItems(items: { item: string }[], materials: string[]): string | undefined {
  return materials.find((m) => items.some((it) => it.item.includes(m) || m.includes(it.item))) ?? materials[0]
}

/**
 * The applicant sends materials the department waits for, in one answer: either the answer to the one
 * supplement request (一次性告知: every item the department listed with what is wrong with it) or the
 * materials a 容缺 acceptance let follow later (补齐容缺材料, by the committed deadline). Each upload is a
 * file of one of the application's materials (`materials`: those the applicant uploads), sent to the
 * materials endpoint as it is picked; the answer carries the finished uploads' ids.
 */
export type MaterialsAnswerKind = 'supplement' | 'tolerance'

export function SupplementAnswerCard({
  application,
  materials,
  onAnswered,
  kind = 'supplement',
}: {
  application: Application
  materials: string[]
  onAnswered: (application: Application) => void
  kind?: MaterialsAnswerKind
}) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const [banner, setBanner] = useState<string>()
  const [saving, setSaving] = useState(false)
  // the supplement's items say what is wrong; the 容缺 items are the materials committed to follow
  const items =
    kind === 'supplement'
      ? application.supplementItems
      : application.toleranceItems.map((item) => ({ item, problem: '' }))
  const key = kind === 'supplement' ? 'services.supplement' : 'services.toleranceFulfilment'
  const dueAt = kind === 'supplement' ? application.supplementDueAt : application.toleranceDueAt
  const [material, setMaterial] = useState(() => materialForItems(items, materials))
  // a new uploader with each choice: the files picked next belong to the material chosen now
  const uploads = useAttachmentUploads(t('errors.generic'), MAX_ATTACHMENTS, (file, onProgress, signal) =>
    servicesApi.uploadMaterial(application.id, material ?? '', file, { onProgress, signal }),
  )

  const send = async () => {
    setBanner(undefined)
    if (!note.trim()) return setBanner(t('services.supplement.noteRequired'))
    if (uploads.isBusy) return setBanner(t('services.supplement.waitForUploads'))
    setSaving(true)
    try {
      const input = { note: note.trim(), uploadIds: uploads.ids }
      onAnswered(
        kind === 'supplement'
          ? await servicesApi.answerSupplement(application.id, input)
          : await servicesApi.fulfilTolerance(application.id, input),
      )
    } catch (error) {
      setBanner(errorMessage(error, t('errors.generic')))
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="m-section" aria-labelledby={`${kind}-title`}>
      <h2 id={`${kind}-title`} className="m-section-title">
        {t(`${key}.title`)}
      </h2>
      <Banner tone="alert" text={t(`${key}.due`, { due: lastDayOf(dueAt) })} />
      <List header={t(`${key}.items`)}>
        {items.map((it, index) => (
          <List.Item key={`${index}-${it.item}`} description={it.problem || undefined}>
            {`${index + 1}. ${it.item}`}
          </List.Item>
        ))}
      </List>
      <Banner tone="error" text={banner} />
      <Form layout="vertical" className="m-form">
        <Form.Item label={t(`${key}.note`)} required>
          {/* antd-mobile puts aria-* on its wrapper: the textarea itself is labelled by id */}
          <label htmlFor={`${kind}-note`} className="visually-hidden">
            {t(`${key}.note`)}
          </label>
          <TextArea
            id={`${kind}-note`}
            value={note}
            onChange={setNote}
            placeholder={t(`${key}.notePlaceholder`)}
            maxLength={2000}
            rows={3}
          />
        </Form.Item>
        {materials.length > 0 ? (
          <>
            <Form.Item label={t('services.supplement.material')}>
              <Selector
                columns={1}
                options={materials.map((name) => ({ label: name, value: name }))}
                value={material ? [material] : []}
                onChange={(value) => value[0] && setMaterial(value[0])}
              />
            </Form.Item>
            <Form.Item label={t(`${key}.uploads`)}>
              <AttachmentPicker uploads={uploads} addLabel={t(`${key}.uploads`)} />
            </Form.Item>
          </>
        ) : null}
      </Form>
      <Button block color="primary" size="large" loading={saving} onClick={() => void send()}>
        {t(`${key}.submit`)}
      </Button>
    </section>
  )
}
