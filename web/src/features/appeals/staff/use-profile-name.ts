import { useLoad } from '../../../ui/use-load'
import { referenceApi } from '../../../app/shared-api/enterprises'
import type { Profile } from '../settings-form'
import { useAppealText } from '../use-appeal-text'

/**
 * The deadline presets by what they are: the enterprise preset is the city's own (its defaults come
 * from Zaozhuang's 企呼枣应, and the label says so), named for the city that runs this deployment;
 * the other is Beijing's 接诉即办 practice, named as Beijing's. No city is passed off as another.
 */
export function useProfileName(): (profile: Profile) => string {
  const { t, tx, language } = useAppealText()
  const city = useLoad(() => referenceApi.city(), [language])
  const cityName = city.data?.name ?? t('appeals.settings.thisCity')
  return (profile) => tx(`appeals.settings.profiles.${profile}`, { city: cityName })
}
