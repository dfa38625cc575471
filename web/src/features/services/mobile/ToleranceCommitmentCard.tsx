import { Button, Checkbox, Form, List, TextArea } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { formatDateTime } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { servicesApi, type Application } from '../services.api'

/**
 * 容缺承诺书 on a phone: while the application waits for its completeness check, the applicant picks
 * the minor materials the matter lets follow later (`materials`: its version's tolerance materials),
 * reads the commitment, agrees and signs. Once signed it shows when.
 */
export function ToleranceCommitmentCard({
  application,
  materials,
  onSigned,
}: {
  application: Application
  materials: string[]
  onSigned: (application: Application) => void
}) {
  const { t, i18n } = useTranslation()
  const [items, setItems] = useState<string[]>(application.toleranceItems)
  const [commitment, setCommitment] = useState(t('services.tolerance.defaultCommitment'))
  const [agreed, setAgreed] = useState(false)
  const [banner, setBanner] = useState<string>()
  const [saving, setSaving] = useState(false)

  if (materials.length === 0) return <p className="m-muted">{t('services.tolerance.none')}</p>

  const sign = async () => {
    setBanner(undefined)
    if (items.length === 0) return setBanner(t('services.tolerance.pickOne'))
    if (!agreed) return setBanner(t('services.tolerance.agreeRequired'))
    setSaving(true)
    try {
      onSigned(
        await servicesApi.signToleranceCommitment(application.id, { items, commitment: commitment.trim() }),
      )
    } catch (error) {
      setBanner(errorMessage(error, t('errors.generic')))
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="m-section" aria-labelledby="tolerance-title">
      <h2 id="tolerance-title" className="m-section-title">
        {t('services.tolerance.title')}
      </h2>
      <p className="m-muted">{t('services.tolerance.intro')}</p>
      {application.toleranceSignedAt ? (
        <Banner
          tone="info"
          text={t('services.tolerance.signed', {
            at: formatDateTime(application.toleranceSignedAt, i18n.language),
          })}
        />
      ) : null}
      <Banner tone="error" text={banner} />
      <Checkbox.Group value={items} onChange={(value) => setItems(value as string[])}>
        <List header={t('services.tolerance.items')}>
          {materials.map((name) => (
            <List.Item key={name}>
              <Checkbox value={name} style={{ '--icon-size': '22px' }}>
                {name}
              </Checkbox>
            </List.Item>
          ))}
        </List>
      </Checkbox.Group>
      <Form layout="vertical" className="m-form">
        <Form.Item label={t('services.tolerance.commitment')}>
          <label htmlFor="tolerance-commitment" className="visually-hidden">
            {t('services.tolerance.commitment')}
          </label>
          <TextArea
            id="tolerance-commitment"
            value={commitment}
            onChange={setCommitment}
            maxLength={2000}
            autoSize={{ minRows: 3, maxRows: 8 }}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={agreed} onChange={setAgreed}>
            {t('services.tolerance.agree')}
          </Checkbox>
        </Form.Item>
      </Form>
      <Button block color="primary" size="large" loading={saving} onClick={() => void sign()}>
        {t('services.tolerance.sign')}
      </Button>
    </section>
  )
}
