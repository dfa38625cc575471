import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons'
import { Card, Descriptions, Tag, Timeline, Typography } from 'antd'
import { formatBytes, formatDateTime } from '../../../ui/format'
import { materialUrl, type ClaimDetail } from '../benefits.api'
import { useBenefitText } from '../use-benefit-text'

const ICONS = {
  pass: <CheckCircleFilled className="s-ok-icon" aria-hidden="true" />,
  fail: <CloseCircleFilled className="s-fail-icon" aria-hidden="true" />,
  missing: <QuestionCircleFilled className="s-missing-icon" aria-hidden="true" />,
}

/** The explanation as it was when the enterprise claimed: what the decision rests on, even if facts changed since. */
export function ExplanationCard({ claim }: { claim: ClaimDetail }) {
  const { t, tx } = useBenefitText()
  const { explanation } = claim
  return (
    <Card
      title={<h2 className="s-card-title">{t('benefits.staff.explanation')}</h2>}
      extra={<Tag>{tx(`policies.outcomes.${claim.outcomeAtClaim}`)}</Tag>}
    >
      <Typography.Paragraph type="secondary">{t('benefits.staff.explanationHint')}</Typography.Paragraph>
      <ol className="s-claim-conditions">
        {explanation.conditions.map((c) => (
          <li key={c.id}>
            {ICONS[c.result]}
            <div>
              <div>
                <strong>{c.text}</strong>
                <span className="visually-hidden"> {tx(`policies.results.${c.result}`)}</span>
              </div>
              <div className="s-small s-muted">
                {t('policies.explain.clause')}
                {c.clause}
              </div>
            </div>
          </li>
        ))}
      </ol>
      {explanation.missingFacts.length ? (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {t('benefits.staff.missingAtClaim', {
            facts: explanation.missingFacts.map((f) => f.label).join(t('policies.listSeparator')),
          })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  )
}

const FORM_KEYS = ['contactName', 'contactPhone', 'statement'] as const
/** Applications filed before settlement accounts typed a bank account (the server shows its number masked). */
const LEGACY_KEYS = ['bankName', 'bankAccount'] as const

/** What the enterprise filled in: contact and statement (the money goes to the settlement account). */
export function FormCard({ claim }: { claim: ClaimDetail }) {
  const { t } = useBenefitText()
  const value = (key: string) => {
    const v = claim.form[key]
    return typeof v === 'string' && v.trim() ? v : '—'
  }
  if (claim.mode === 'no_application') return null
  const keys = [...FORM_KEYS, ...LEGACY_KEYS.filter((key) => typeof claim.form[key] === 'string')]
  return (
    <Card title={<h2 className="s-card-title">{t('benefits.staff.form.title')}</h2>}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        {keys.map((key) => (
          <Descriptions.Item key={key} label={t(`benefits.fields.${key}`)} span={key === 'statement' ? 2 : 1}>
            <span className={key === 'statement' ? 's-prewrap' : undefined}>{value(key)}</span>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  )
}

/** Each material the item asks for, with the files on file now and those a resubmission replaced. */
export function MaterialsCard({ claim }: { claim: ClaimDetail }) {
  const { t } = useBenefitText()
  if (claim.mode === 'no_application') return null
  return (
    <Card title={<h2 className="s-card-title">{t('benefits.detail.materials')}</h2>}>
      <ul className="s-plain-list">
        {claim.requiredMaterials.map((m) => {
          const files = claim.materials.filter((f) => f.key === m.key)
          return (
            <li key={m.key}>
              <strong>{m.name}</strong> {m.isRequired ? null : <Tag>{t('policies.fields.optional')}</Tag>}
              {files.length ? (
                <ul className="s-file-list" aria-label={m.name}>
                  {files.map((file) => (
                    <li key={file.id} className={file.isSuperseded ? 's-past' : undefined}>
                      <a href={materialUrl(file.id)} download={file.fileName}>
                        {file.fileName}
                      </a>{' '}
                      <Typography.Text type="secondary">
                        {formatBytes(file.sizeBytes)} · {t('benefits.staff.round', { round: file.round })}
                        {file.isSuperseded ? ` · ${t('benefits.detail.superseded')}` : ''}
                      </Typography.Text>
                    </li>
                  ))}
                </ul>
              ) : (
                <div className="s-empty">{t('benefits.staff.noFile')}</div>
              )}
            </li>
          )
        })}
      </ul>
    </Card>
  )
}

/** Every event, the enterprise's and the department's, oldest first. */
export function TimelineCard({ claim }: { claim: ClaimDetail }) {
  const text = useBenefitText()
  return (
    <Card title={<h2 className="s-card-title">{text.t('benefits.detail.timeline')}</h2>}>
      <Timeline
        items={claim.timeline.map((event) => ({
          key: event.id,
          color:
            event.type === 'reject' || event.type === 'exclude'
              ? 'red'
              : event.type === 'pay'
                ? 'green'
                : 'blue',
          content: (
            <div>
              <strong>{text.event(event)}</strong>
              <div>
                <Typography.Text type="secondary">
                  {formatDateTime(event.at, text.language)}
                  {event.actorRole ? ` · ${text.role(event.actorRole)}` : ''}
                </Typography.Text>
              </div>
              {event.note ? <div className="s-note">{event.note}</div> : null}
            </div>
          ),
        }))}
      />
    </Card>
  )
}
