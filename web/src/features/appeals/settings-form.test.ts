import { DEFAULT_APPEAL_SETTINGS } from '@server/modules/appeals/appeal-settings'
import { describe, expect, it } from 'vitest'
import { toFormValues, toSettings, weightShares } from './settings-form'

describe('appeal settings form', () => {
  it('shows the sample rate in per cent and sends it back as a fraction', () => {
    const values = toFormValues(DEFAULT_APPEAL_SETTINGS)
    expect(values.settings.returnVisitSampleRate).toBe(20)
    expect(toSettings(values)).toEqual(DEFAULT_APPEAL_SETTINGS)
    expect(
      toFormValues({ ...DEFAULT_APPEAL_SETTINGS, returnVisitSampleRate: 0.07 }).settings
        .returnVisitSampleRate,
    ).toBe(7)
    values.settings.returnVisitSampleRate = 12.5
    expect(toSettings(values).returnVisitSampleRate).toBe(0.125)
  })

  it('does not share the targets it was given', () => {
    const values = toFormValues(DEFAULT_APPEAL_SETTINGS)
    values.settings.profiles.enterprise.urgent.sign_for.value = 9
    expect(DEFAULT_APPEAL_SETTINGS.profiles.enterprise.urgent.sign_for.value).toBe(0.5)
  })

  it('turns weights into their shares of the score', () => {
    expect(weightShares({ response: 1, resolution: 1, satisfaction: 2 })).toEqual({
      response: 0.25,
      resolution: 0.25,
      satisfaction: 0.5,
    })
    expect(weightShares({ response: 0, resolution: 0, satisfaction: 0 })).toBeUndefined()
    expect(weightShares({ response: null, resolution: 3 })).toEqual({
      response: 0,
      resolution: 1,
      satisfaction: 0,
    })
  })
})
