import { UploadOutlined } from '@ant-design/icons'
import { Button, Upload, type UploadFile } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { selfInspectionsApi, type EvidenceFile } from '../self-inspections.api'

/** Evidence files (佐证材料) uploaded one by one to the copy; the form keeps the ids. */
export function EvidenceUpload({
  answerId,
  value,
  onChange,
  known = [],
  disabled,
}: {
  answerId: string
  value: string[]
  onChange: (ids: string[]) => void
  /** files of the copy already uploaded, to name the ids in `value` */
  known?: EvidenceFile[]
  disabled?: boolean
}) {
  const { t } = useTranslation()
  const [fileList, setFileList] = useState<UploadFile[]>(() =>
    value.map((id) => ({
      uid: id,
      name: known.find((f) => f.id === id)?.fileName ?? id,
      status: 'done',
      url: selfInspectionsApi.fileUrl(id),
      response: { id },
    })),
  )
  const idsOf = (list: UploadFile[]) =>
    list.filter((f) => f.status === 'done').map((f) => (f.response as { id: string }).id)

  return (
    <Upload
      accept="image/jpeg,image/png,image/webp,application/pdf"
      fileList={fileList}
      disabled={disabled}
      customRequest={({ file, onSuccess, onError }) => {
        selfInspectionsApi
          .upload(answerId, file as File)
          .then((stored) => onSuccess?.(stored))
          .catch((error: unknown) => onError?.(new Error(errorMessage(error, t('errors.generic')))))
      }}
      onChange={({ fileList: next }) => {
        const list = next.map((f) =>
          f.status === 'done' && f.response
            ? { ...f, url: selfInspectionsApi.fileUrl((f.response as { id: string }).id) }
            : f,
        )
        setFileList(list)
        onChange(idsOf(list))
      }}
    >
      {disabled ? null : <Button icon={<UploadOutlined />}>{t('selfInspections.evidence.upload')}</Button>}
    </Upload>
  )
}
