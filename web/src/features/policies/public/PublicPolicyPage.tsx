import { Button, ErrorBlock, Tag } from 'antd-mobile'
import { useNavigate, useParams } from 'react-router'
import { API_BASE, errorMessage } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatIsoDate, formatNumber } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { formatAmount } from '../policy-labels'
import { policiesApi, type PublicPolicy } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { ModeTag } from '../mobile/PolicyTags'
import '../../../ui/mobile/policy-pages.css'

/** `/library/:id`: one policy in force, its items with their conditions as sentences. */
export function PublicPolicyPage() {
  const { t, language } = usePolicyText()
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const policy = useLoad(() => policiesApi.publicPolicy(id), [id, language])
  return (
    <MobilePage title={t('policies.library.policyTitle')} back={paths.policyLibrary}>
      {policy.error ? (
        <>
          <ErrorBlock
            status="empty"
            title={errorMessage(policy.error, t('errors.loadFailed'))}
            description={t('policies.library.notFoundHint')}
          />
          <div className="m-button-stack m-after-block">
            <Button block size="large" onClick={() => void navigate(paths.policyLibrary)}>
              {t('policies.library.backToList')}
            </Button>
          </div>
        </>
      ) : !policy.data ? (
        <PageLoading />
      ) : (
        <PolicyDetail policy={policy.data} />
      )}
    </MobilePage>
  )
}

function PolicyDetail({ policy }: { policy: PublicPolicy }) {
  const { t, level, topic, language } = usePolicyText()
  const navigate = useNavigate()
  return (
    <>
      <section className="m-section" aria-labelledby="policy-title">
        <div className="m-tag-list">
          <Tag color="primary" fill="outline">
            {level(policy.level)}
          </Tag>
          {policy.topics.map((code) => (
            <Tag key={code} fill="outline">
              {topic(code)}
            </Tag>
          ))}
        </div>
        <h2 id="policy-title" className="m-match-title">
          {policy.title}
        </h2>
        <dl className="m-kv">
          <dt>{t('policies.fields.documentNumber')}</dt>
          <dd>{policy.documentNumber ?? '—'}</dd>
          <dt>{t('policies.fields.issuer')}</dt>
          <dd>{policy.issuer}</dd>
          <dt>{t('policies.fields.issuedOn')}</dt>
          <dd>{formatIsoDate(policy.issuedOn)}</dd>
          <dt>{t('policies.fields.effective')}</dt>
          <dd>
            {t('policies.fields.effectiveRange', {
              from: formatIsoDate(policy.effectiveFrom),
              to: policy.effectiveTo ? formatIsoDate(policy.effectiveTo) : t('policies.fields.openEnded'),
            })}
          </dd>
          <dt>{t('policies.fields.owner')}</dt>
          <dd>{policy.ownerDepartmentName ?? '—'}</dd>
        </dl>
        {policy.summary ? <p className="m-match-summary">{policy.summary}</p> : null}
        {policy.sourceUrl ? (
          <p style={{ margin: '8px 0 0' }}>
            <a href={policy.sourceUrl} target="_blank" rel="noreferrer">
              {t('policies.library.source')}
            </a>
          </p>
        ) : null}
        {policy.attachments.length ? (
          <ul className="m-file-links" aria-label={t('policies.library.attachments')}>
            {policy.attachments.map((a) => (
              <li key={a.id}>
                <a
                  href={`${API_BASE}/policies/${policy.id}/attachments/${a.id}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {a.fileName}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <h2 className="m-section-title m-outside-title">
        {t('policies.library.itemsTitle', { count: policy.items.length })}
      </h2>
      {policy.items.map((item) => (
        <section key={item.id} className="m-section m-public-item" aria-label={item.title}>
          <div className="m-match-card-head">
            <span className="m-muted">{item.code}</span>
            <ModeTag mode={item.mode} />
          </div>
          <h3 className="m-public-item-title">{item.title}</h3>
          {item.summary ? (
            <p className="m-muted" style={{ margin: '0 0 8px' }}>
              {item.summary}
            </p>
          ) : null}
          <p className={`m-public-item-amount${item.benefitKind === 'service' ? ' is-service' : ''}`}>
            {item.amount !== null
              ? formatAmount(item.amount, language)
              : item.amountText
                ? t('policies.library.amountByFormula', { formula: item.amountText })
                : t('policies.library.serviceBenefit')}
          </p>
          <h4 className="m-subtitle">{t('policies.library.conditions')}</h4>
          <ol className="m-public-conditions">
            {item.conditions.map((c) => (
              <li key={c.id}>
                <span>{c.text}</span>
                <span className="m-muted m-condition-clause">
                  {t('policies.explain.clause')}
                  {c.clause}
                </span>
              </li>
            ))}
          </ol>
          <p className="m-muted" style={{ margin: '8px 0 0' }}>
            {item.eligibleCount === null
              ? t('policies.library.eligibleUnknown')
              : t('policies.library.eligibleCount', {
                  count: item.eligibleCount,
                  formatted: formatNumber(item.eligibleCount, language),
                })}
            {' · '}
            {item.departmentName ?? ''}
          </p>
        </section>
      ))}

      {policy.fullText ? (
        <details className="m-section m-full-text">
          <summary>{t('policies.library.fullText')}</summary>
          <p className="m-prewrap">{policy.fullText}</p>
        </details>
      ) : null}

      <Button block color="primary" size="large" onClick={() => void navigate(paths.calculator)}>
        {t('policies.library.tryCalculator')}
      </Button>
    </>
  )
}
