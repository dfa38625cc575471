import { Button, ErrorBlock, Tag, TextArea, Toast } from 'antd-mobile'
import { useState } from 'react'
import { useParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { NativeSelect, NativeSwitch } from '../../../ui/mobile/native-controls'
import { useLoad } from '../../../ui/use-load'
import { POLICY_TOPICS, topicOptions } from '../policy-labels'
import { policiesApi, type Need, type PolicyTopic, type Subscription } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { TopicChips } from './TopicChips'
import '../../../ui/mobile/policy-pages.css'

const NEED_MIN = 4
const NEED_MAX = 1000

/** `/enterprises/:id/policy-needs` (企业点菜): which topics to hear about, pushes on or off, needs and answers. */
export function PolicyNeedsPage() {
  const { t } = usePolicyText()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('policies.needs.title')} back={paths.enterprisePolicies(id)}>
      <RequireEnterpriseUser>{() => <PolicyNeeds enterpriseId={id} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function PolicyNeeds({ enterpriseId }: { enterpriseId: string }) {
  const { t } = usePolicyText()
  const loaded = useLoad(async () => {
    const [subscription, needs] = await Promise.all([
      policiesApi.subscription(enterpriseId),
      policiesApi.myNeeds(enterpriseId),
    ])
    return { subscription, needs: needs.items }
  }, [enterpriseId])
  if (loaded.error)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(loaded.error, t('errors.loadFailed'))}
        description=""
      />
    )
  if (!loaded.data) return <PageLoading />
  return (
    <>
      <SubscriptionForm enterpriseId={enterpriseId} initial={loaded.data.subscription} />
      <NeedForm
        enterpriseId={enterpriseId}
        onStated={(need) => loaded.setData((d) => ({ ...d!, needs: [need, ...d!.needs] }))}
      />
      <NeedList needs={loaded.data.needs} />
    </>
  )
}

function SubscriptionForm({ enterpriseId, initial }: { enterpriseId: string; initial: Subscription }) {
  const { t } = usePolicyText()
  const [topics, setTopics] = useState<PolicyTopic[]>(initial.topics as PolicyTopic[])
  const [isPushEnabled, setPushEnabled] = useState(initial.isPushEnabled)
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)

  const save = async () => {
    setBanner(undefined)
    setSaving(true)
    try {
      await policiesApi.setSubscription(enterpriseId, { topics, isPushEnabled })
      Toast.show({ icon: 'success', content: t('common.saved') })
    } catch (error) {
      setBanner(errorMessage(error, t('errors.generic')))
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="m-section" aria-labelledby="subscription-title">
      <h2 id="subscription-title" className="m-section-title">
        {t('policies.needs.subscriptionTitle')}
      </h2>
      <Banner tone="error" text={banner} />
      <NativeSwitch
        label={t('policies.needs.pushEnabled')}
        checked={isPushEnabled}
        onChange={setPushEnabled}
      />
      <p className="m-muted" style={{ margin: '4px 0 12px' }}>
        {isPushEnabled ? t('policies.needs.pushOnHint') : t('policies.needs.pushOffHint')}
      </p>
      <p className="m-fact-label" id="topics-label">
        {t('policies.needs.topics')}
      </p>
      <TopicChips
        labelledBy="topics-label"
        topics={POLICY_TOPICS}
        selected={topics}
        onChange={setTopics}
        disabled={!isPushEnabled}
      />
      <p className="m-muted" style={{ margin: '8px 0 12px' }}>
        {topics.length
          ? t('policies.needs.topicsChosen', { count: topics.length })
          : t('policies.needs.allTopics')}
      </p>
      <Button
        block
        size="large"
        color="primary"
        fill="outline"
        loading={isSaving}
        onClick={() => void save()}
      >
        {t('policies.needs.saveSubscription')}
      </Button>
    </section>
  )
}

function NeedForm({ enterpriseId, onStated }: { enterpriseId: string; onStated: (need: Need) => void }) {
  const { t, language } = usePolicyText()
  const [topic, setTopic] = useState('')
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<{ topic?: string; text?: string }>({})
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)

  const submit = async () => {
    setBanner(undefined)
    const local = {
      ...(topic ? {} : { topic: t('fields.required') }),
      ...(text.trim().length >= NEED_MIN
        ? {}
        : { text: t('policies.needs.textTooShort', { min: NEED_MIN }) }),
    }
    setErrors(local)
    if (Object.keys(local).length) return
    setSaving(true)
    try {
      onStated(await policiesApi.stateNeed(enterpriseId, { topic: topic as PolicyTopic, text: text.trim() }))
      setTopic('')
      setText('')
      Toast.show({ icon: 'success', content: t('policies.needs.stated') })
    } catch (error) {
      if (isApiError(error, 'VALIDATION_FAILED')) setErrors(error.fields)
      setBanner(errorMessage(error, t('errors.generic')))
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="m-section" aria-labelledby="need-title">
      <h2 id="need-title" className="m-section-title">
        {t('policies.needs.stateTitle')}
      </h2>
      <p className="m-muted" style={{ marginTop: 0 }}>
        {t('policies.needs.stateIntro')}
      </p>
      <Banner tone="error" text={banner} />
      <div className={`m-fact-field${errors.topic ? ' has-error' : ''}`}>
        <label className="m-fact-label" htmlFor="need-topic">
          {t('policies.needs.topic')}
        </label>
        <NativeSelect
          id="need-topic"
          value={topic}
          onChange={setTopic}
          placeholder={t('facts.input.choose')}
          options={topicOptions(language)}
        />
        {errors.topic ? <p className="m-error-text m-fact-error">{errors.topic}</p> : null}
      </div>
      <div className={`m-fact-field${errors.text ? ' has-error' : ''}`}>
        <label className="m-fact-label" htmlFor="need-text">
          {t('policies.needs.text')}
        </label>
        <TextArea
          id="need-text"
          value={text}
          onChange={setText}
          rows={4}
          maxLength={NEED_MAX}
          showCount
          placeholder={t('policies.needs.textPlaceholder')}
        />
        {errors.text ? <p className="m-error-text m-fact-error">{errors.text}</p> : null}
      </div>
      <Button block size="large" color="primary" loading={isSaving} onClick={() => void submit()}>
        {t('policies.needs.submit')}
      </Button>
    </section>
  )
}

const STATUS_COLORS = { open: 'warning', answered: 'success', closed: 'default' } as const

function NeedList({ needs }: { needs: Need[] }) {
  const { t, tx, topic, language } = usePolicyText()
  return (
    <section className="m-section" aria-labelledby="needs-list-title">
      <h2 id="needs-list-title" className="m-section-title">
        {t('policies.needs.mine', { count: needs.length })}
      </h2>
      {needs.length === 0 ? (
        <p className="m-muted" style={{ margin: 0 }}>
          {t('policies.needs.none')}
        </p>
      ) : (
        <ul className="m-plain-list m-needs">
          {needs.map((need) => (
            <li key={need.id} className="m-need">
              <div className="m-need-head">
                <Tag color="primary" fill="outline">
                  {topic(need.topic)}
                </Tag>
                <Tag color={STATUS_COLORS[need.status]} fill="outline">
                  {tx(`policies.needStatus.${need.status}`)}
                </Tag>
                <span className="m-muted m-need-date">{formatDateTime(need.createdAt, language)}</span>
              </div>
              <p className="m-prewrap m-need-text">{need.text}</p>
              {need.answer ? (
                <div className="m-need-answer">
                  <strong>{t('policies.needs.answer')}</strong>
                  <p className="m-prewrap">{need.answer}</p>
                  <span className="m-muted">{formatDateTime(need.answeredAt, language)}</span>
                </div>
              ) : (
                <p className="m-muted" style={{ margin: 0 }}>
                  {t('policies.needs.waiting')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
