import { Button, Card, Dialog, TextArea, Toast } from 'antd-mobile'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { useLoad } from '../../../ui/use-load'
import { DESK_REASON_LABELS, deskViewOf } from '../desk-labels'
import { servicesApi, type DeskState } from '../services.api'
import './desk.css'

/**
 * The 办不成事 card of an enterprise's application page (the page places it under the timeline): when
 * the application is refused, not accepted, terminated or stuck, one tap — and a confirmation with an
 * optional note — files it as an appeal; once filed, the card links to that appeal. Shows nothing
 * while the application is on its way. `initial` skips the first load (tests, stories).
 */
export function DeskCard({ applicationId, initial }: { applicationId: string; initial?: DeskState }) {
  const { t, i18n } = useTranslation()
  const loaded = useLoad(() => servicesApi.desk(applicationId), [applicationId, i18n.language], !initial)
  const [filed, setFiled] = useState<DeskState>()
  const state = filed ?? loaded.data ?? initial
  const note = useRef('')
  const [sending, setSending] = useState(false)

  const view = deskViewOf(state)
  if (view === 'none' || !state) return null

  const send = async () => {
    setSending(true)
    try {
      const trimmed = note.current.trim()
      setFiled(await servicesApi.fileDeskAppeal(applicationId, trimmed ? { note: trimmed } : {}))
    } catch (error) {
      Toast.show({ icon: 'fail', content: errorMessage(error, t('services.desk.failed')) })
    } finally {
      setSending(false)
    }
  }
  const confirm = () => {
    note.current = ''
    void Dialog.confirm({
      title: t('services.desk.confirmTitle'),
      content: (
        <>
          <label htmlFor="desk-note" className="visually-hidden">
            {t('services.desk.notePlaceholder')}
          </label>
          <TextArea
            id="desk-note"
            placeholder={t('services.desk.notePlaceholder')}
            maxLength={500}
            rows={3}
            showCount
            onChange={(value) => (note.current = value)}
          />
        </>
      ),
      confirmText: t('services.desk.confirm'),
      cancelText: t('services.desk.cancel'),
      onConfirm: send,
    })
  }

  if (view === 'filed' && state.appeal)
    return (
      <Card
        className="m-desk-card m-desk-card-filed"
        title={t('services.desk.filed', { number: state.appeal.number })}
      >
        <p className="m-desk-text">{t('services.desk.filedHint')}</p>
        <Link className="m-desk-link" to={paths.appeal(state.appeal.id)}>
          {t('services.desk.open')}
        </Link>
      </Card>
    )
  return (
    <Card className="m-desk-card" title={t('services.desk.title')}>
      <p className="m-desk-text">{t(DESK_REASON_LABELS[state.reason!])}</p>
      <p className="m-desk-hint">{t('services.desk.hint')}</p>
      <Button block color="warning" size="large" loading={sending} onClick={confirm}>
        {t('services.desk.button')}
      </Button>
    </Card>
  )
}
