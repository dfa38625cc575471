import { Alert, Button, Card, Descriptions, Input, List, Modal, Space, Tag, Timeline } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { Slot } from '../../../app/slots'
import { formatDateTime, formatIsoDate } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { inspectionsApi, type InspectionDetail } from '../inspections.api'
import { STATUS_COLORS } from './inspection-labels'

type Move = InspectionDetail['actions'][number]
/** The moves that need a reason (the others take an optional note). */
const NEEDS_REASON: readonly Move[] = ['reject', 'cancel']

/**
 * `/staff/inspections/:id`: one inspection — the enterprise, the items and their basis, the people,
 * the window, the moves the caller may make, and while it is approved the check code as a QR to show
 * at the door (the body's staff only).
 */
export function InspectionPage() {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const loaded = useLoad(() => inspectionsApi.get(id), [id, i18n.language])
  const [move, setMove] = useState<Move>()
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const detail = loaded.data

  if (loaded.error) return <Alert type="error" message={errorMessage(loaded.error, t('errors.loadFailed'))} />
  if (!detail) return null

  const run = async () => {
    if (!move) return
    setSaving(true)
    setError(undefined)
    try {
      const body = NEEDS_REASON.includes(move)
        ? { version: detail.version, reason: text.trim() }
        : { version: detail.version, note: text.trim() || undefined }
      loaded.setData(await inspectionsApi.move(detail.id, move, body))
      setMove(undefined)
      setText('')
    } catch (e) {
      setError(errorMessage(e, t('errors.generic')))
    } finally {
      setSaving(false)
    }
  }

  const kind = detail.visitPurpose
    ? `${t(`inspections.kinds.${detail.kind}`)} · ${t(`inspections.purposes.${detail.visitPurpose}`)}`
    : t(`inspections.kinds.${detail.kind}`)

  return (
    <>
      <PageHeader
        title={`${detail.number} · ${detail.enterpriseName}`}
        subtitle={<Tag color={STATUS_COLORS[detail.status]}>{t(`inspections.states.${detail.status}`)}</Tag>}
        extra={
          <Space wrap>
            {detail.actions.map((a) => (
              <Button
                key={a}
                type={a === 'approve' ? 'primary' : 'default'}
                danger={a === 'reject' || a === 'cancel'}
                onClick={() => setMove(a)}
              >
                {t(`inspections.actions.${a}`)}
              </Button>
            ))}
          </Space>
        }
      />
      {error && !move ? <Alert type="error" message={error} /> : null}
      <Space align="start" wrap size="large" style={{ width: '100%' }}>
        <Card style={{ minWidth: 480, flex: 1 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('inspections.fields.kind')}>{kind}</Descriptions.Item>
            <Descriptions.Item label={t('inspections.fields.body')}>
              {detail.departmentName}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.fields.enterprise')}>
              {detail.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.fields.window')}>
              {formatIsoDate(detail.plannedOn)} – {formatIsoDate(detail.windowEndsOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.fields.purpose')}>{detail.purpose}</Descriptions.Item>
            <Descriptions.Item label={t('inspections.fields.approvedBy')}>
              {detail.approvedByName
                ? `${detail.approvedByName} ${formatDateTime(detail.approvedAt, i18n.language)}`
                : '—'}
            </Descriptions.Item>
            {detail.decisionNote ? (
              <Descriptions.Item label={t('inspections.fields.note')}>
                {detail.decisionNote}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('inspections.fields.checkedInAt')}>
              {detail.checkedInAt ? formatDateTime(detail.checkedInAt, i18n.language) : '—'}
            </Descriptions.Item>
          </Descriptions>
          <List
            header={t('inspections.fields.items')}
            dataSource={detail.items}
            renderItem={(item) => (
              <List.Item>
                <List.Item.Meta title={`${item.code} ${item.name}`} description={item.basis} />
              </List.Item>
            )}
          />
          <List
            header={
              detail.kind === 'service_visit' ? t('inspections.fields.visitors') : t('inspections.check.who')
            }
            dataSource={detail.people}
            renderItem={(p) => (
              <List.Item>
                {p.name}{' '}
                {p.certificateNo ? `（${t('inspections.fields.certificateNo')} ${p.certificateNo}）` : ''}
              </List.Item>
            )}
          />
          {detail.notes.length ? (
            <Alert type="info" message={t('inspections.notes')} description={detail.notes.join('\n')} />
          ) : null}
        </Card>
        {detail.checkQrSvg && detail.checkCode ? (
          <Card title={t('inspections.qrTitle')} style={{ width: 320 }}>
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(detail.checkQrSvg)}`}
              alt={t('inspections.qrTitle')}
              width={260}
              height={260}
            />
            <p style={{ wordBreak: 'break-all' }}>
              <code data-testid="check-code">{detail.checkCode}</code>
            </p>
            <p>{t('inspections.qrHint')}</p>
          </Card>
        ) : null}
      </Space>
      <Card title={t('inspections.timeline')} style={{ marginTop: 16 }}>
        <Timeline
          items={detail.timeline.map((e) => ({
            children: (
              <>
                <strong>{t(`inspections.events.${e.type}`, { defaultValue: e.type })}</strong>{' '}
                {formatDateTime(e.at, i18n.language)} {e.actorName ?? ''}
                {e.note ? <div>{e.note}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
      <Slot name="staffCase.ratings" subjectType="inspection" subjectId={detail.id} />
      <Modal
        open={move !== undefined}
        title={move ? t(`inspections.actions.${move}`) : ''}
        okText={move ? t(`inspections.actions.${move}`) : ''}
        okButtonProps={{
          loading: isSaving,
          disabled: move !== undefined && NEEDS_REASON.includes(move) && !text.trim(),
        }}
        onOk={() => void run()}
        onCancel={() => setMove(undefined)}
        destroyOnHidden
      >
        {error ? <Alert type="error" role="alert" message={error} style={{ marginBottom: 12 }} /> : null}
        <label htmlFor="inspection-move-text">
          {move && NEEDS_REASON.includes(move)
            ? t('inspections.fields.reason')
            : t('inspections.fields.note')}
        </label>
        <Input.TextArea
          id="inspection-move-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={3}
          maxLength={1000}
        />
      </Modal>
    </>
  )
}
