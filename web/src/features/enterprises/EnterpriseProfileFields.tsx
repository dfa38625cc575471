import { Checkbox, Form, Input, Radio } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CONTACT_PHONE_MAX_LENGTH, contactPhoneRule } from '../../ui/contact-phone'
import { cityToday } from '../../ui/format'
import { NativeDateInput, NativeSelect } from '../../ui/mobile/native-controls'
import { SIZE_CLASSES, type IndustrySection, type SizeClass } from './enterprises.api'
import type { EnterpriseReference } from './use-enterprise-reference'
import { fieldMessage } from '../../ui/field-message'

const WHOLE_NUMBER = /^\d{1,7}$/
const YUAN = /^\d{1,13}(\.\d{1,2})?$/

/** The profile fields shared by registration and editing (everything but the credit code). */
export function EnterpriseProfileFields({ reference }: { reference: EnterpriseReference }) {
  const { t } = useTranslation()
  const required = { required: true, message: fieldMessage('fields.required') }
  return (
    <>
      <Form.Item name="name" label={t('enterprise.fields.name')} rules={[required]}>
        <Input maxLength={100} autoComplete="organization" placeholder={t('enterprise.placeholders.name')} />
      </Form.Item>
      <Form.Item
        name="legalRepresentative"
        label={t('enterprise.fields.legalRepresentative')}
        rules={[required]}
      >
        <Input maxLength={50} placeholder={t('enterprise.placeholders.legalRepresentative')} />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('enterprise.fields.divisionCode')} rules={[required]}>
        <NativeSelect
          placeholder={t('enterprise.placeholders.divisionCode')}
          options={reference.divisions.map((d) => ({ value: d.code, label: d.name }))}
        />
      </Form.Item>
      <Form.Item
        name="industryCode"
        label={t('enterprise.fields.industryCode')}
        rules={[required]}
        description={t('enterprise.help.industryCode')}
      >
        <IndustrySelect sections={reference.industries} />
      </Form.Item>
      <Form.Item name="sizeClass" label={t('enterprise.fields.sizeClass')} rules={[required]}>
        <SizeClassChoice />
      </Form.Item>
      <Form.Item name="foundedOn" label={t('enterprise.fields.foundedOn')} rules={[required]}>
        <NativeDateInput max={cityToday()} min="1949-10-01" />
      </Form.Item>
      <Form.Item
        name="employees"
        label={t('enterprise.fields.employees')}
        rules={[
          required,
          { pattern: WHOLE_NUMBER, message: fieldMessage('enterprise.validation.employees') },
        ]}
      >
        <Input inputMode="numeric" maxLength={7} placeholder={t('enterprise.placeholders.employees')} />
      </Form.Item>
      <Form.Item
        name="annualRevenue"
        label={t('enterprise.fields.annualRevenue')}
        rules={[{ pattern: YUAN, message: fieldMessage('enterprise.validation.annualRevenue') }]}
        description={t('enterprise.help.annualRevenue')}
      >
        <Input inputMode="decimal" maxLength={16} placeholder={t('enterprise.placeholders.optional')} />
      </Form.Item>
      <Form.Item name="tags" label={t('enterprise.fields.tags')}>
        <TagChoice options={reference.tags} />
      </Form.Item>
      <Form.Item name="address" label={t('enterprise.fields.address')}>
        <Input
          maxLength={200}
          autoComplete="street-address"
          placeholder={t('enterprise.placeholders.optional')}
        />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('enterprise.fields.contactPhone')}
        rules={[contactPhoneRule(fieldMessage('fields.contactPhone'))]}
      >
        <Input
          type="tel"
          inputMode="tel"
          maxLength={CONTACT_PHONE_MAX_LENGTH}
          placeholder={t('enterprise.placeholders.optional')}
        />
      </Form.Item>
    </>
  )
}

/**
 * GB/T 4754-2017 in two steps, section (门类) then division (大类): the value is the division code,
 * e.g. "I65". The label of the form item points at the first select.
 */
function IndustrySelect({
  id,
  value,
  onChange,
  sections,
}: {
  id?: string
  value?: string
  onChange?: (value: string) => void
  sections: IndustrySection[]
}) {
  const { t } = useTranslation()
  const [pickedSection, setPickedSection] = useState<string>()
  const sectionCode = value ? value.slice(0, 1) : pickedSection
  const section = sections.find((s) => s.code === sectionCode)
  // A deeper saved code (C3911) still shows under its division (C39).
  const divisionValue = value && section?.divisions.find((d) => value.startsWith(d.code))?.code
  const divisionOptions =
    section?.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })) ?? []
  if (value && divisionValue && divisionValue !== value) divisionOptions.unshift({ value, label: value })

  return (
    <div className="m-select-pair">
      <NativeSelect
        id={id}
        aria-label={t('enterprise.fields.industrySection')}
        placeholder={t('enterprise.placeholders.industrySection')}
        value={sectionCode}
        options={sections.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))}
        onChange={(code) => {
          setPickedSection(code)
          onChange?.('')
        }}
      />
      <NativeSelect
        aria-label={t('enterprise.fields.industryDivision')}
        placeholder={t('enterprise.placeholders.industryDivision')}
        value={value ?? ''}
        disabled={!section}
        options={divisionOptions}
        onChange={(code) => onChange?.(code)}
      />
    </div>
  )
}

function SizeClassChoice({ value, onChange }: { value?: SizeClass; onChange?: (value: SizeClass) => void }) {
  const { t } = useTranslation()
  return (
    <div role="radiogroup" aria-label={t('enterprise.fields.sizeClass')}>
      <Radio.Group value={value ?? null} onChange={(picked) => onChange?.(picked as SizeClass)}>
        <div className="m-choice-group">
          {SIZE_CLASSES.map((size) => (
            <Radio key={size} value={size}>
              {t(`enterprise.sizeClasses.${size}`)}
            </Radio>
          ))}
        </div>
      </Radio.Group>
    </div>
  )
}

function TagChoice({
  value,
  onChange,
  options,
}: {
  value?: string[]
  onChange?: (value: string[]) => void
  options: { code: string; name: string }[]
}) {
  const { t } = useTranslation()
  return (
    <div role="group" aria-label={t('enterprise.fields.tags')}>
      <Checkbox.Group value={value ?? []} onChange={(picked) => onChange?.(picked as string[])}>
        <div className="m-choice-group">
          {options.map((tag) => (
            <Checkbox key={tag.code} value={tag.code}>
              {tag.name}
            </Checkbox>
          ))}
        </div>
      </Checkbox.Group>
    </div>
  )
}
