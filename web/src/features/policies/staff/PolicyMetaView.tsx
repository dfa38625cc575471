import { Descriptions, Tag, Typography } from 'antd'
import { formatIsoDate } from '../../../ui/format'
import type { PolicyView } from '../policies.api'
import { usePolicyText } from '../use-policy-text'

/** The document's fields to read (a policy in review or in force is not edited in place). */
export function PolicyMetaView({ policy }: { policy: PolicyView }) {
  const { t, level, topic } = usePolicyText()
  return (
    <>
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
        <Descriptions.Item label={t('policies.fields.documentNumber')}>
          {policy.documentNumber ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fields.issuer')}>{policy.issuer}</Descriptions.Item>
        <Descriptions.Item label={t('policies.staff.fields.level')}>{level(policy.level)}</Descriptions.Item>
        <Descriptions.Item label={t('policies.fields.issuedOn')}>
          {formatIsoDate(policy.issuedOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fields.effective')}>
          {policy.effectiveFrom || policy.effectiveTo
            ? t('policies.fields.effectiveRange', {
                from: formatIsoDate(policy.effectiveFrom),
                to: policy.effectiveTo ? formatIsoDate(policy.effectiveTo) : t('policies.fields.openEnded'),
              })
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.fields.owner')}>
          {policy.ownerDepartmentName ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.staff.fields.topics')} span={{ xs: 1, md: 2, xl: 3 }}>
          {policy.topics.length ? policy.topics.map((code) => <Tag key={code}>{topic(code)}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('policies.staff.fields.summary')} span={{ xs: 1, md: 2, xl: 3 }}>
          {policy.summary || '—'}
        </Descriptions.Item>
        {policy.sourceUrl ? (
          <Descriptions.Item label={t('policies.staff.fields.sourceUrl')} span={{ xs: 1, md: 2, xl: 3 }}>
            <a href={policy.sourceUrl} target="_blank" rel="noreferrer">
              {policy.sourceUrl}
            </a>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {policy.fullText ? (
        <details className="s-full-text">
          <summary>{t('policies.library.fullText')}</summary>
          <Typography.Paragraph className="s-prewrap">{policy.fullText}</Typography.Paragraph>
        </details>
      ) : null}
    </>
  )
}
