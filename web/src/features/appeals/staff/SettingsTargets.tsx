import { Form, InputNumber, Select, Tabs } from 'antd'
import { CLOCK_KINDS, TIERS } from '../appeals.api'
import { PROFILES, SETTINGS_LIMITS, type Profile } from '../settings-form'
import { useAppealText } from '../use-appeal-text'
import { fieldMessage } from '../../../ui/field-message'

/**
 * The deadline targets of both profiles: for each urgency tier, the working time each clock
 * (sign for, first contact, resolution) may take, in working hours or working days. The form's
 * field names are the API's, so a refused value is marked in its own cell.
 */
export function SettingsTargets({ profileName }: { profileName: (profile: Profile) => string }) {
  const { t } = useAppealText()
  const active = Form.useWatch(['settings', 'profile']) as Profile | undefined
  return (
    <Tabs
      items={PROFILES.map((profile) => ({
        key: profile,
        label:
          profile === active
            ? t('appeals.settings.profileInUse', { name: profileName(profile) })
            : profileName(profile),
        // Both profiles stay mounted: the hidden one is still part of what is saved.
        forceRender: true,
        children: <TargetTable profile={profile} name={profileName(profile)} />,
      }))}
    />
  )
}

function TargetTable({ profile, name }: { profile: Profile; name: string }) {
  const { t, tier, clockKind } = useAppealText()
  return (
    <div className="s-table-scroll">
      <table className="s-targets">
        <caption className="visually-hidden">{t('appeals.settings.targetsOf', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('appeals.fields.tier')}</th>
            {CLOCK_KINDS.map((kind) => (
              <th key={kind} scope="col">
                {clockKind(kind)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TIERS.map((tierKey) => (
            <tr key={tierKey}>
              <th scope="row">{tier(tierKey)}</th>
              {CLOCK_KINDS.map((kind) => {
                const base = ['settings', 'profiles', profile, tierKey, kind]
                const label = `${tier(tierKey)} · ${clockKind(kind)}`
                return (
                  <td key={kind}>
                    <div className="s-target-cell">
                      <Form.Item
                        name={[...base, 'value']}
                        style={{ marginBottom: 0 }}
                        rules={[
                          { required: true, message: fieldMessage('fields.required') },
                          {
                            type: 'number',
                            min: Number.MIN_VALUE,
                            max: SETTINGS_LIMITS.targetMax,
                            message: fieldMessage('appeals.settings.range.positive', {
                              max: SETTINGS_LIMITS.targetMax,
                            }),
                          },
                        ]}
                      >
                        <InputNumber
                          min={0}
                          max={SETTINGS_LIMITS.targetMax}
                          style={{ width: 96 }}
                          aria-label={t('appeals.settings.targetValue', { target: label })}
                        />
                      </Form.Item>
                      <Form.Item name={[...base, 'unit']} style={{ marginBottom: 0 }}>
                        <Select
                          style={{ width: 132 }}
                          aria-label={t('appeals.settings.targetUnit', { target: label })}
                          options={[
                            { value: 'hours', label: t('appeals.settings.units.clockHours') },
                            { value: 'working_hours', label: t('appeals.settings.units.workingHours') },
                            { value: 'working_days', label: t('appeals.settings.units.workingDays') },
                          ]}
                        />
                      </Form.Item>
                    </div>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
