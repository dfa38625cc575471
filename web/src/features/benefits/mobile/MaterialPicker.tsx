import { useEffect, useRef } from 'react'
import { AttachmentPicker } from '../../../ui/mobile/AttachmentPicker'
import { useAttachmentUploads } from '../../../ui/use-attachment-uploads'
import { benefitsApi, MAX_FILES_PER_MATERIAL } from '../benefits.api'
import { useBenefitText } from '../use-benefit-text'

type Props = {
  /** the material's name in the UI language */
  name: string
  /** the uploaded files' ids, as Form.Item hands them in and takes them back */
  value?: string[]
  onChange?: (ids: string[]) => void
  /** told while files of this material are still uploading */
  onBusyChange?: (isBusy: boolean) => void
}

/**
 * One required material of an application: photos or PDFs uploaded as soon as they are picked
 * (the server checks the bytes, type and size, and its message shows under the file). The ids of
 * the finished files are the field's value.
 */
export function MaterialPicker({ name, onChange, onBusyChange }: Props) {
  const { t } = useBenefitText()
  const uploads = useAttachmentUploads(
    t('errors.generic'),
    MAX_FILES_PER_MATERIAL,
    benefitsApi.uploadMaterial,
  )
  // The latest callbacks, called when the uploads change (Form.Item hands new ones every render).
  const callbacks = useRef({ onChange, onBusyChange })
  useEffect(() => {
    callbacks.current = { onChange, onBusyChange }
  })
  // Not on the first render: an empty field is not an answer yet (its "required" waits for submit).
  const reported = useRef<readonly string[]>(uploads.ids)
  useEffect(() => {
    if (reported.current.join() === uploads.ids.join()) return
    reported.current = uploads.ids
    callbacks.current.onChange?.(uploads.ids)
  }, [uploads.ids])
  useEffect(() => {
    callbacks.current.onBusyChange?.(uploads.isBusy)
  }, [uploads.isBusy])

  return (
    <AttachmentPicker
      uploads={uploads}
      addLabel={t('benefits.apply.upload', { name })}
      listLabel={t('benefits.apply.uploaded', { name })}
      hint={t('benefits.apply.uploadHint', { max: MAX_FILES_PER_MATERIAL })}
    />
  )
}
