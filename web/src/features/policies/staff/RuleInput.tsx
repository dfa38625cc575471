import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons'
import { Input, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { errorMessage } from '../../../app/api'
import { policiesApi, type RuleCheck } from '../policies.api'
import { highlightProblems } from '../rule-highlight'
import { usePolicyText } from '../use-policy-text'

const CHECK_DEBOUNCE_MS = 300

type Props = {
  id?: string
  value?: string
  onChange?: (value: string) => void
  /** a condition is true or false; an amount formula is a number */
  expect: 'boolean' | 'number'
  /** preview against this enterprise's facts */
  enterpriseId?: string
  disabled?: boolean
  placeholder?: string
}

/**
 * A rule as the officer types it, checked by the server ~300 ms after the last key: read back as a
 * sentence when it is valid, every problem with its words marked when not, and — with an enterprise
 * chosen — what it says about that enterprise and which facts it read.
 */
export function RuleInput({ id, value = '', onChange, expect, enterpriseId, disabled, placeholder }: Props) {
  const { t, language } = usePolicyText()
  const [check, setCheck] = useState<{ rule: string; result?: RuleCheck; error?: string }>()

  useEffect(() => {
    const rule = value.trim()
    if (!rule) return
    const controller = new AbortController()
    const timer = window.setTimeout(() => {
      policiesApi
        .checkRule({ rule: value, expect, ...(enterpriseId ? { enterpriseId } : {}) }, controller.signal)
        .then(
          (result) => setCheck({ rule: value, result }),
          (error: unknown) => {
            if (!controller.signal.aborted)
              setCheck({ rule: value, error: errorMessage(error, t('errors.generic')) })
          },
        )
    }, CHECK_DEBOUNCE_MS)
    return () => {
      controller.abort()
      window.clearTimeout(timer)
    }
  }, [value, expect, enterpriseId, language, t])

  const current = check && check.rule === value && value.trim() ? check : undefined
  const stale = check && check.rule !== value
  return (
    <div className="s-rule">
      <Input.TextArea
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange?.(event.target.value)}
        autoSize={{ minRows: 2, maxRows: 8 }}
        placeholder={placeholder}
        className="s-rule-text"
        spellCheck={false}
        status={current?.result && !current.result.ok ? 'error' : undefined}
      />
      <div className="s-rule-feedback" aria-live="polite">
        {!value.trim() ? null : !current ? (
          <Typography.Text type="secondary">{stale ? t('policies.staff.rule.checking') : ''}</Typography.Text>
        ) : current.error ? (
          <Typography.Text type="danger">{current.error}</Typography.Text>
        ) : current.result?.ok ? (
          <ReadBack result={current.result} />
        ) : current.result ? (
          <Problems rule={value} result={current.result} />
        ) : null}
      </div>
    </div>
  )
}

function ReadBack({ result }: { result: RuleCheck }) {
  const { t, language } = usePolicyText()
  const sentence = language === 'en' ? result.textEn : result.textZh
  return (
    <>
      <div className="s-rule-ok">
        <CheckCircleFilled aria-hidden="true" className="s-ok-icon" />
        <span>
          <span className="visually-hidden">{t('policies.staff.rule.valid')}</span>
          {t('policies.staff.rule.readsAs')}
          <strong>{sentence}</strong>
        </span>
      </div>
      {result.preview ? <Preview preview={result.preview} /> : null}
    </>
  )
}

function Preview({ preview }: { preview: NonNullable<RuleCheck['preview']> }) {
  const { t, source, result: resultName } = usePolicyText()
  const icon =
    preview.result === 'pass' ? (
      <CheckCircleFilled className="s-ok-icon" aria-hidden="true" />
    ) : preview.result === 'fail' ? (
      <CloseCircleFilled className="s-fail-icon" aria-hidden="true" />
    ) : preview.result === 'missing' ? (
      <QuestionCircleFilled className="s-missing-icon" aria-hidden="true" />
    ) : null
  return (
    <div className="s-rule-preview">
      <span className="s-rule-preview-result">
        {icon}
        {preview.result
          ? t('policies.staff.preview.result', { result: resultName(preview.result) })
          : t('policies.staff.preview.value', {
              value: preview.value === null ? '—' : String(preview.value),
            })}
      </span>
      {preview.facts.length ? (
        <ul className="s-rule-facts">
          {preview.facts.map((f) => (
            <li key={f.key}>
              <span className="s-muted">
                {f.label}
                {t('appeals.import.fieldSeparator')}
              </span>
              {f.isMissing ? (
                <Tag color="orange">{t('policies.explain.notGiven')}</Tag>
              ) : (
                <>
                  <strong>{f.display}</strong> {f.source ? <Tag>{source(f.source)}</Tag> : null}
                  {f.period ? (
                    <span className="s-muted">{t('facts.periodValue', { period: f.period })}</span>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function Problems({ rule, result }: { rule: string; result: RuleCheck }) {
  const { t } = usePolicyText()
  const segments = highlightProblems(rule, result.problems)
  return (
    <div className="s-rule-problems" role="alert">
      <pre className="s-rule-marked" aria-label={t('policies.staff.rule.marked')}>
        {segments.map((s, i) =>
          s.problems.length ? (
            <mark key={i} title={s.problems.map((p) => result.problems[p]!.message).join('；')}>
              {s.text}
            </mark>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </pre>
      <ul className="s-error-list">
        {result.problems.map((p, i) => (
          <li key={i}>
            <CloseCircleFilled className="s-fail-icon" aria-hidden="true" /> {p.message}
            {p.end > p.start ? <code className="s-rule-words">{rule.slice(p.start, p.end)}</code> : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
