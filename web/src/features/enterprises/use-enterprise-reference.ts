import { useTranslation } from 'react-i18next'
import { useLoad } from '../../ui/use-load'
import {
  referenceApi,
  type Division,
  type EnterpriseTagOption,
  type IndustrySection,
} from './enterprises.api'

export type EnterpriseReference = {
  /** this city's name, for "registered elsewhere, not in 大连市" */
  cityName: string
  divisions: Division[]
  industries: IndustrySection[]
  tags: EnterpriseTagOption[]
}

/** The pickers' options; industry and tag names follow the UI language, so a switch reloads them. */
export function useEnterpriseReference() {
  const { i18n } = useTranslation()
  return useLoad<EnterpriseReference>(async () => {
    const [city, divisions, industries, tags] = await Promise.all([
      referenceApi.city(),
      referenceApi.divisions(),
      referenceApi.industries(),
      referenceApi.enterpriseTags(),
    ])
    return { cityName: city.name, divisions: divisions.items, industries: industries.items, tags: tags.items }
  }, [i18n.language])
}
