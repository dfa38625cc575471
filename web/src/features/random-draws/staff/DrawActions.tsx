import { CopyOutlined, DownloadOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Popconfirm,
  Radio,
  Space,
  Typography,
  Upload,
} from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../../app/api'
import type { FormInstance } from 'antd'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { saveTextFile } from '../../../ui/staff/save-text-file'
import { BEACON_PATTERN, SECRET_PATTERN, commitmentOf, generateSecret, secretFileText } from '../draw-rules'
import { randomDrawsApi, type DrawAction, type RandomDraw } from '../random-draws.api'
import { fieldMessage, rejectWith } from '../../../ui/field-message'

type Props = {
  draw: RandomDraw
  /** the draw as the server answered a move */
  onChanged: (draw: RandomDraw) => void
  /** someone else moved the draw first: load it again */
  onConflict: () => void
}

/** The order the panels appear in when several apply (a party who also runs the draw). */
const ORDER: readonly DrawAction[] = ['commit', 'reveal', 'freeze', 'draw', 'publish']

/**
 * What the caller may do next on a draw — exactly the moves the server lists in `actions`, nothing
 * more: commit (the secret made or typed here, only its SHA-256 sent), reveal, freeze, draw (with an
 * optional beacon) and publish. Freeze, draw and publish send the draw's version.
 */
export function DrawActions({ draw, onChanged, onConflict }: Props) {
  const { t } = useTranslation()
  const [kept, setKept] = useState<{ secret: string; commitment: string }>()
  const actions = ORDER.filter((a) => draw.actions.includes(a))
  const panel = (action: DrawAction) => {
    const props = { draw, onChanged, onConflict }
    switch (action) {
      case 'commit':
        return <CommitPanel key={action} {...props} onCommitted={setKept} />
      case 'reveal':
        return <RevealPanel key={action} {...props} />
      case 'freeze':
        return <MovePanel key={action} {...props} action="freeze" />
      case 'draw':
        return <DrawPanel key={action} {...props} />
      case 'publish':
        return <MovePanel key={action} {...props} action="publish" />
    }
  }
  return (
    <Card title={t('randomDraws.staff.actions.title')} className="s-draw-actions" data-testid="draw-actions">
      {kept ? <KeptSecret draw={draw} {...kept} /> : null}
      {actions.length ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {actions.map(panel)}
        </Space>
      ) : kept ? null : (
        <Typography.Text type="secondary">{t('randomDraws.staff.actions.none')}</Typography.Text>
      )}
    </Card>
  )
}

/**
 * Runs one move: the button's spinner, the success message, the draw the server answered handed back;
 * a version conflict reloads the draw, a refusal naming one of the form's fields goes under it, any
 * other a banner over the panel.
 */
function useMove(action: DrawAction, { onChanged, onConflict }: Pick<Props, 'onChanged' | 'onConflict'>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [banner, setBanner] = useState<string>()
  const [sending, setSending] = useState(false)
  const run = async (
    call: () => Promise<RandomDraw>,
    onForm?: { form: FormInstance; fields: string[] },
  ): Promise<boolean> => {
    setBanner(undefined)
    setSending(true)
    try {
      const next = await call()
      void message.success(t(`randomDraws.staff.actions.${action}.done`))
      onChanged(next)
      return true
    } catch (error) {
      const fallback = errorMessage(error, t('errors.generic'))
      if (isApiError(error, 'VERSION_CONFLICT')) {
        void message.warning(t('randomDraws.staff.actions.versionConflict'))
        onConflict()
      } else setBanner(onForm ? showApiErrorOnForm(onForm.form, error, onForm.fields, fallback) : fallback)
      return false
    } finally {
      setSending(false)
    }
  }
  const alert = banner ? (
    <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 12 }} />
  ) : null
  return { run, sending, alert, clear: () => setBanner(undefined) }
}

/** One move's panel: its heading, what it does, the move's error, then its form or button. */
function Panel({ action, alert, children }: { action: DrawAction; alert: ReactNode; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby={`draw-${action}-title`} className="s-draw-panel">
      <Typography.Title level={3} id={`draw-${action}-title`} className="s-draw-panel-title">
        {t(`randomDraws.staff.actions.${action}.title`)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(`randomDraws.staff.actions.${action}.intro`)}
      </Typography.Paragraph>
      {alert}
      {children}
    </section>
  )
}

function SecretTools({ draw, secret, commitment }: { draw: RandomDraw; secret: string; commitment: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const copy = async () => {
    await navigator.clipboard.writeText(secret)
    void message.success(t('randomDraws.staff.actions.commit.copied'))
  }
  return (
    <Space wrap>
      <Button icon={<CopyOutlined />} onClick={() => void copy()}>
        {t('randomDraws.staff.actions.commit.copy')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        onClick={() =>
          saveTextFile(
            `draw-${draw.id.slice(0, 8)}-party-${draw.myPosition ?? 0}-secret.txt`,
            secretFileText({ drawId: draw.id, title: draw.title, secret, commitment }),
            'text/plain;charset=utf-8',
          )
        }
      >
        {t('randomDraws.staff.actions.commit.download')}
      </Button>
    </Space>
  )
}

/** After committing: the secret stays on screen (with copy and download) until the page is left. */
function KeptSecret({ draw, secret, commitment }: { draw: RandomDraw; secret: string; commitment: string }) {
  const { t } = useTranslation()
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('randomDraws.staff.actions.commit.done')}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('randomDraws.staff.actions.commit.keepAfter')}</span>
          <Typography.Text code className="s-mono" data-testid="kept-secret">
            {secret}
          </Typography.Text>
          <SecretTools draw={draw} secret={secret} commitment={commitment} />
        </Space>
      }
    />
  )
}

type PanelProps = Props

function CommitPanel({
  draw,
  onChanged,
  onConflict,
  onCommitted,
}: PanelProps & { onCommitted: (kept: { secret: string; commitment: string }) => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ secret: string; saved: boolean }>()
  const [mode, setMode] = useState<'generate' | 'own'>('generate')
  const [computed, setComputed] = useState<{ secret: string; hash: string }>()
  const { run, sending, alert } = useMove('commit', { onChanged, onConflict })
  const secret = Form.useWatch('secret', form) ?? ''
  const isValid = SECRET_PATTERN.test(secret)

  useEffect(() => {
    if (mode === 'generate') form.setFieldsValue({ secret: generateSecret(), saved: false })
    else form.setFieldsValue({ secret: '', saved: false })
  }, [mode, form])

  // The commitment is shown as soon as the secret is well-formed: what will be sent, and all of it.
  useEffect(() => {
    let current = true
    if (isValid) void commitmentOf(secret).then((hash) => current && setComputed({ secret, hash }))
    return () => {
      current = false
    }
  }, [secret, isValid])
  const commitment = isValid && computed?.secret === secret ? computed.hash : undefined

  const submit = async (v: { secret: string }) => {
    let hash = ''
    const committed = await run(async () => {
      hash = await commitmentOf(v.secret)
      return randomDrawsApi.commit(draw.id, hash)
    })
    // the secret stays on screen once its commitment is in: the party needs it to reveal
    if (committed) onCommitted({ secret: v.secret, commitment: hash })
  }

  return (
    <Panel action="commit" alert={alert}>
      <Radio.Group
        value={mode}
        onChange={(e) => setMode(e.target.value as 'generate' | 'own')}
        optionType="button"
        options={[
          { value: 'generate', label: t('randomDraws.staff.actions.commit.generate') },
          { value: 'own', label: t('randomDraws.staff.actions.commit.own') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Form form={form} name="draw-commit" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="secret"
          label={t('randomDraws.staff.actions.commit.secret')}
          extra={t('randomDraws.staff.actions.commit.secretHelp')}
          rules={[
            {
              required: true,
              pattern: SECRET_PATTERN,
              message: fieldMessage('randomDraws.staff.actions.commit.secretInvalid'),
            },
          ]}
        >
          <Input
            className="s-mono"
            readOnly={mode === 'generate'}
            autoComplete="off"
            spellCheck={false}
            maxLength={128}
          />
        </Form.Item>
        {mode === 'generate' ? (
          <Button
            icon={<ReloadOutlined />}
            onClick={() => form.setFieldsValue({ secret: generateSecret(), saved: false })}
            style={{ marginBottom: 16 }}
          >
            {t('randomDraws.staff.actions.commit.regenerate')}
          </Button>
        ) : null}
        <Form.Item label={t('randomDraws.staff.actions.commit.commitment')}>
          <Typography.Text code className="s-mono" data-testid="commitment">
            {commitment ?? '—'}
          </Typography.Text>
        </Form.Item>
        {isValid && commitment ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('randomDraws.staff.actions.commit.keep')}
            description={<SecretTools draw={draw} secret={secret} commitment={commitment} />}
          />
        ) : null}
        <Form.Item
          name="saved"
          valuePropName="checked"
          rules={[
            {
              validator: async (_, checked: boolean) => {
                if (!checked)
                  return rejectWith(fieldMessage('randomDraws.staff.actions.commit.savedRequired'))
              },
            },
          ]}
        >
          <Checkbox>{t('randomDraws.staff.actions.commit.saved')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sending}>
          {t('randomDraws.staff.actions.commit.submit')}
        </Button>
      </Form>
    </Panel>
  )
}

function RevealPanel({ draw, onChanged, onConflict }: PanelProps) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ secret: string }>()
  const { run, sending, alert, clear } = useMove('reveal', { onChanged, onConflict })
  const mine = draw.parties.find((p) => p.position === draw.myPosition)

  // A secret saved by the download above: take the value of its "secret:" line.
  const readFile = async (file: File) => {
    const line = (await file.text()).split(/\r?\n/).find((l) => l.startsWith('secret:'))
    if (line) form.setFieldsValue({ secret: line.slice('secret:'.length).trim() })
  }

  const submit = async (v: { secret: string }) => {
    clear()
    const secret = v.secret.trim()
    // Checked here first, so a typo is caught without a round trip; the server checks again.
    if (mine?.commitment && (await commitmentOf(secret)) !== mine.commitment) {
      form.setFields([{ name: 'secret', errors: [t('randomDraws.staff.actions.reveal.mismatch')] }])
      return
    }
    await run(() => randomDrawsApi.reveal(draw.id, secret), { form, fields: ['secret'] })
  }

  return (
    <Panel action="reveal" alert={alert}>
      <Form form={form} name="draw-reveal" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="secret"
          label={t('randomDraws.staff.actions.reveal.secret')}
          rules={[
            {
              required: true,
              pattern: SECRET_PATTERN,
              message: fieldMessage('randomDraws.staff.actions.commit.secretInvalid'),
            },
          ]}
        >
          <Input className="s-mono" autoComplete="off" spellCheck={false} maxLength={128} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={sending}>
            {t('randomDraws.staff.actions.reveal.submit')}
          </Button>
          <Upload
            accept=".txt,text/plain"
            showUploadList={false}
            beforeUpload={(file) => {
              void readFile(file)
              return false
            }}
          >
            <Button icon={<UploadOutlined />}>{t('randomDraws.staff.actions.reveal.loadFile')}</Button>
          </Upload>
        </Space>
      </Form>
    </Panel>
  )
}

function MovePanel({ draw, onChanged, onConflict, action }: PanelProps & { action: 'freeze' | 'publish' }) {
  const { t } = useTranslation()
  const { run, sending, alert } = useMove(action, { onChanged, onConflict })
  return (
    <Panel action={action} alert={alert}>
      <Popconfirm
        title={t(`randomDraws.staff.actions.${action}.confirm`)}
        onConfirm={() => run(() => randomDrawsApi[action](draw.id, draw.version))}
      >
        <Button type="primary" loading={sending}>
          {t(`randomDraws.staff.actions.${action}.submit`)}
        </Button>
      </Popconfirm>
    </Panel>
  )
}

function DrawPanel({ draw, onChanged, onConflict }: PanelProps) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ beacon?: string }>()
  const { run, sending, alert } = useMove('draw', { onChanged, onConflict })
  const submit = (v: { beacon?: string }) =>
    run(() => randomDrawsApi.draw(draw.id, draw.version, v.beacon?.trim() || null), {
      form,
      fields: ['beacon'],
    })
  return (
    <Panel action="draw" alert={alert}>
      <Form form={form} name="draw-draw" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="beacon"
          label={t('randomDraws.staff.actions.draw.beacon')}
          extra={t('randomDraws.staff.actions.draw.beaconHelp')}
          rules={[
            {
              pattern: BEACON_PATTERN,
              message: fieldMessage('randomDraws.staff.actions.draw.beaconInvalid'),
            },
          ]}
        >
          <Input className="s-mono" autoComplete="off" maxLength={200} style={{ maxWidth: 420 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sending}>
          {t('randomDraws.staff.actions.draw.submit')}
        </Button>
      </Form>
    </Panel>
  )
}
