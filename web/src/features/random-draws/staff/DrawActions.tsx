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
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../../app/api'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { saveTextFile } from '../../../ui/staff/save-text-file'
import { BEACON_PATTERN, SECRET_PATTERN, commitmentOf, generateSecret, secretFileText } from '../draw-rules'
import { randomDrawsApi, type DrawAction, type RandomDraw } from '../random-draws.api'

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

/** Turns a failed move into a banner, or reloads the draw on a version conflict. */
function useMoveError(onConflict: () => void) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [banner, setBanner] = useState<string>()
  const fail = (error: unknown, fallback?: string) => {
    if (isApiError(error, 'VERSION_CONFLICT')) {
      void message.warning(t('randomDraws.staff.actions.versionConflict'))
      onConflict()
      return
    }
    setBanner(fallback ?? errorMessage(error, t('errors.generic')))
  }
  const alert = banner ? (
    <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 12 }} />
  ) : null
  return { fail, alert, clear: () => setBanner(undefined) }
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
  const { message } = App.useApp()
  const [form] = Form.useForm<{ secret: string; saved: boolean }>()
  const [mode, setMode] = useState<'generate' | 'own'>('generate')
  const [computed, setComputed] = useState<{ secret: string; hash: string }>()
  const [sending, setSending] = useState(false)
  const { fail, alert, clear } = useMoveError(onConflict)
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
    clear()
    setSending(true)
    try {
      const hash = await commitmentOf(v.secret)
      const next = await randomDrawsApi.commit(draw.id, hash)
      onCommitted({ secret: v.secret, commitment: hash })
      void message.success(t('randomDraws.staff.actions.commit.done'))
      onChanged(next)
    } catch (error) {
      fail(error)
    } finally {
      setSending(false)
    }
  }

  return (
    <section aria-labelledby="draw-commit-title" className="s-draw-panel">
      <Typography.Title level={3} id="draw-commit-title" className="s-draw-panel-title">
        {t('randomDraws.staff.actions.commit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('randomDraws.staff.actions.commit.intro')}
      </Typography.Paragraph>
      {alert}
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
              message: t('randomDraws.staff.actions.commit.secretInvalid'),
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
                if (!checked) throw new Error(t('randomDraws.staff.actions.commit.savedRequired'))
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
    </section>
  )
}

function RevealPanel({ draw, onChanged, onConflict }: PanelProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ secret: string }>()
  const [sending, setSending] = useState(false)
  const { fail, alert, clear } = useMoveError(onConflict)
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
    setSending(true)
    try {
      const next = await randomDrawsApi.reveal(draw.id, secret)
      void message.success(t('randomDraws.staff.actions.reveal.done'))
      onChanged(next)
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) fail(error)
      else fail(error, showApiErrorOnForm(form, error, ['secret'], errorMessage(error, t('errors.generic'))))
    } finally {
      setSending(false)
    }
  }

  return (
    <section aria-labelledby="draw-reveal-title" className="s-draw-panel">
      <Typography.Title level={3} id="draw-reveal-title" className="s-draw-panel-title">
        {t('randomDraws.staff.actions.reveal.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('randomDraws.staff.actions.reveal.intro')}
      </Typography.Paragraph>
      {alert}
      <Form form={form} name="draw-reveal" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="secret"
          label={t('randomDraws.staff.actions.reveal.secret')}
          rules={[
            {
              required: true,
              pattern: SECRET_PATTERN,
              message: t('randomDraws.staff.actions.commit.secretInvalid'),
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
    </section>
  )
}

function MovePanel({ draw, onChanged, onConflict, action }: PanelProps & { action: 'freeze' | 'publish' }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [sending, setSending] = useState(false)
  const { fail, alert, clear } = useMoveError(onConflict)
  const move = async () => {
    clear()
    setSending(true)
    try {
      const next = await randomDrawsApi[action](draw.id, draw.version)
      void message.success(t(`randomDraws.staff.actions.${action}.done`))
      onChanged(next)
    } catch (error) {
      fail(error)
    } finally {
      setSending(false)
    }
  }
  return (
    <section aria-labelledby={`draw-${action}-title`} className="s-draw-panel">
      <Typography.Title level={3} id={`draw-${action}-title`} className="s-draw-panel-title">
        {t(`randomDraws.staff.actions.${action}.title`)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(`randomDraws.staff.actions.${action}.intro`)}
      </Typography.Paragraph>
      {alert}
      <Popconfirm title={t(`randomDraws.staff.actions.${action}.confirm`)} onConfirm={() => move()}>
        <Button type="primary" loading={sending}>
          {t(`randomDraws.staff.actions.${action}.submit`)}
        </Button>
      </Popconfirm>
    </section>
  )
}

function DrawPanel({ draw, onChanged, onConflict }: PanelProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ beacon?: string }>()
  const [sending, setSending] = useState(false)
  const { fail, alert, clear } = useMoveError(onConflict)
  const submit = async (v: { beacon?: string }) => {
    clear()
    setSending(true)
    try {
      const next = await randomDrawsApi.draw(draw.id, draw.version, v.beacon?.trim() || null)
      void message.success(t('randomDraws.staff.actions.draw.done'))
      onChanged(next)
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) fail(error)
      else fail(error, showApiErrorOnForm(form, error, ['beacon'], errorMessage(error, t('errors.generic'))))
    } finally {
      setSending(false)
    }
  }
  return (
    <section aria-labelledby="draw-draw-title" className="s-draw-panel">
      <Typography.Title level={3} id="draw-draw-title" className="s-draw-panel-title">
        {t('randomDraws.staff.actions.draw.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('randomDraws.staff.actions.draw.intro')}
      </Typography.Paragraph>
      {alert}
      <Form form={form} name="draw-draw" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="beacon"
          label={t('randomDraws.staff.actions.draw.beacon')}
          extra={t('randomDraws.staff.actions.draw.beaconHelp')}
          rules={[{ pattern: BEACON_PATTERN, message: t('randomDraws.staff.actions.draw.beaconInvalid') }]}
        >
          <Input className="s-mono" autoComplete="off" maxLength={200} style={{ maxWidth: 420 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sending}>
          {t('randomDraws.staff.actions.draw.submit')}
        </Button>
      </Form>
    </section>
  )
}
