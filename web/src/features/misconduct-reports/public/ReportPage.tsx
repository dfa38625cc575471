import { Button, Card, Checkbox, ErrorBlock, Form, Input, Result, TextArea, Toast } from 'antd-mobile'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../../app/api'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { NativeSelect } from '../../../ui/mobile/native-controls'
import { RadioChoice } from '../../../ui/mobile/RadioChoice'
import { REPORT_AREAS, reportsApi, type FollowedReport } from '../misconduct-reports.api'
import './report.css'
import { fieldMessage } from '../../../ui/field-message'

type Values = {
  area?: string
  accusedUnit?: string
  accusedPerson?: string
  text?: string
  mode?: 'anonymous' | 'named'
  name?: string
  phone?: string
  contact?: string
  consentsToNaming?: boolean
}

/**
 * `/report`: anyone reports misconduct (投诉举报) to discipline inspection, without an account —
 * anonymous by default, or under their name (sealed: only discipline inspection can read it). The
 * answer is a receipt code, shown once, to follow the report with below.
 */
export function ReportPage() {
  const { t } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const [form] = Form.useForm<Values>()
  const [files, setFiles] = useState<File[]>([])
  const fileInputId = useId()
  const [busy, setBusy] = useState(false)
  const [receipt, setReceipt] = useState<string>()
  const mode = Form.useWatch('mode', form) ?? 'anonymous'

  const submit = async (values: Values) => {
    setBusy(true)
    try {
      const named = values.mode === 'named'
      const filed = await reportsApi.file(
        {
          area: values.area,
          accusedUnit: values.accusedUnit || undefined,
          accusedPerson: values.accusedPerson || undefined,
          text: values.text,
          isAnonymous: !named,
          reporter: named
            ? {
                name: values.name,
                phone: values.phone,
                contact: values.contact || undefined,
                consentsToNaming: values.consentsToNaming ?? false,
              }
            : undefined,
        },
        files,
      )
      setReceipt(filed.receiptCode)
    } catch (error) {
      Toast.show({ icon: 'fail', content: errorMessage(error, t('errors.generic')) })
    } finally {
      setBusy(false)
    }
  }

  if (receipt)
    return (
      <MobilePage title={t('reports.public.title')} back={paths.home}>
        <Result
          status="success"
          title={t('reports.public.filed')}
          description={t('reports.public.keepCode')}
        />
        <Card className="m-report-card">
          <div
            className="m-receipt-code"
            data-testid="receipt-code"
            aria-label={t('reports.public.receiptCode')}
          >
            {receipt}
          </div>
        </Card>
        <FollowCard key={receipt} initialCode={receipt} />
      </MobilePage>
    )

  return (
    <MobilePage title={t('reports.public.title')} back={paths.home}>
      <p className="m-report-intro">{t('reports.public.intro')}</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mode: 'anonymous' }}
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('reports.public.submit')}
          </Button>
        }
      >
        <Form.Item
          name="area"
          label={t('reports.fields.area')}
          rules={[{ required: true, message: fieldMessage('reports.public.required') }]}
        >
          <NativeSelect
            placeholder={t('reports.public.chooseArea')}
            options={REPORT_AREAS.map((a) => ({ value: a, label: tx(`reports.areas.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name="accusedUnit" label={t('reports.fields.accusedUnit')}>
          <Input maxLength={200} clearable />
        </Form.Item>
        <Form.Item name="accusedPerson" label={t('reports.fields.accusedPerson')}>
          <Input maxLength={100} clearable />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('reports.fields.text')}
          rules={[{ required: true, min: 10, message: fieldMessage('reports.public.textRule') }]}
        >
          <TextArea rows={5} maxLength={5000} showCount placeholder={t('reports.public.textHint')} />
        </Form.Item>
        <Form.Item label={t('reports.public.evidence')} help={t('reports.public.evidenceHelp')}>
          {/* the browser's own file button speaks the browser's language: ours speaks the page's */}
          <label htmlFor={fileInputId} className={`m-file-button${files.length >= 5 ? ' is-disabled' : ''}`}>
            <input
              id={fileInputId}
              type="file"
              className="m-file-input"
              multiple
              accept="image/jpeg,image/png,image/webp,application/pdf"
              disabled={files.length >= 5}
              onChange={(e) => {
                const picked = [...(e.target.files ?? [])]
                e.target.value = ''
                setFiles((before) => [...before, ...picked].slice(0, 5))
              }}
            />
            <span aria-hidden="true" className="m-file-plus">
              +
            </span>
            {t('reports.public.addEvidence')}
          </label>
          {files.length ? (
            <ul className="m-upload-list" aria-label={t('reports.public.evidence')}>
              {files.map((file, i) => (
                <li key={`${file.name}-${i}`} className="m-report-file">
                  <span>{file.name}</span>
                  <Button
                    size="mini"
                    fill="none"
                    aria-label={t('reports.public.removeFileNamed', { name: file.name })}
                    onClick={() => setFiles((before) => before.filter((_, j) => j !== i))}
                  >
                    {t('reports.public.removeFile')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </Form.Item>
        <Form.Item name="mode" label={t('reports.public.mode')}>
          <RadioChoice
            groupLabel={t('reports.public.mode')}
            options={[
              { value: 'anonymous', label: t('reports.public.anonymous') },
              { value: 'named', label: t('reports.public.named') },
            ]}
          />
        </Form.Item>
        {mode === 'named' ? (
          <>
            <p className="m-report-sealed">{t('reports.public.sealed')}</p>
            <Form.Item
              name="name"
              label={t('reports.fields.name')}
              rules={[{ required: true, message: fieldMessage('reports.public.required') }]}
            >
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('reports.fields.phone')}
              rules={[
                {
                  required: true,
                  pattern: /^1[3-9]\d{9}$/,
                  message: fieldMessage('reports.public.phoneRule'),
                },
              ]}
            >
              <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="tel" />
            </Form.Item>
            <Form.Item name="contact" label={t('reports.fields.contact')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="consentsToNaming" valuePropName="checked">
              <Checkbox>{t('reports.public.consent')}</Checkbox>
            </Form.Item>
          </>
        ) : (
          <p className="m-report-sealed">{t('reports.public.anonymousNote')}</p>
        )}
      </Form>
      <FollowCard />
    </MobilePage>
  )
}

/** Follow a report by its receipt code. A wrong code and a missing one answer the same. */
function FollowCard({ initialCode = '' }: { initialCode?: string }) {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const [code, setCode] = useState(initialCode)
  const [found, setFound] = useState<FollowedReport>()
  const [problem, setProblem] = useState<string>()
  const follow = async () => {
    setProblem(undefined)
    setFound(undefined)
    try {
      setFound(await reportsApi.follow(code))
    } catch (error) {
      setProblem(
        isApiError(error, 'NOT_FOUND')
          ? t('reports.public.notFound')
          : errorMessage(error, t('errors.loadFailed')),
      )
    }
  }
  return (
    <Card className="m-report-card" title={<h2 className="m-report-h2">{t('reports.public.follow')}</h2>}>
      <Input
        value={code}
        onChange={setCode}
        placeholder="XXXXX-XXXXX-XXXXX-XXXXX"
        aria-label={t('reports.public.receiptCode')}
        clearable
      />
      <Button
        block
        color="primary"
        fill="outline"
        style={{ marginTop: 12 }}
        onClick={() => void follow()}
        disabled={!code.trim()}
      >
        {t('reports.public.check')}
      </Button>
      {problem ? <ErrorBlock status="empty" title={problem} description="" /> : null}
      {found ? (
        <dl className="m-report-status" data-testid="followed-report">
          <dt>{t('reports.fields.status')}</dt>
          <dd>{tx(`reports.statuses.${found.status}`)}</dd>
          <dt>{t('reports.fields.area')}</dt>
          <dd>{tx(`reports.areas.${found.area}`)}</dd>
          <dt>{t('reports.fields.filedAt')}</dt>
          <dd>{formatDateTime(found.filedAt, i18n.language)}</dd>
          {found.message ? (
            <>
              <dt>{t('reports.public.reply')}</dt>
              <dd>{found.message}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </Card>
  )
}
