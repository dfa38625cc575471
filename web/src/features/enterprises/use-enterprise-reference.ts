import { useTranslation } from 'react-i18next'
import { useLoad } from '../../ui/use-load'
import {
  referenceApi,
  type Division,
  type EnterpriseTagOption,
  type IndustrySection,
} from './enterprises.api'

export type EnterpriseReference = {
  divisions: Division[]
  industries: IndustrySection[]
  tags: EnterpriseTagOption[]
}

/** The pickers' options; industry and tag names follow the UI language, so a switch reloads them. */
export function useEnterpriseReference() {
  const { i18n } = useTranslation()
  return useLoad<EnterpriseReference>(async () => {
    const [divisions, industries, tags] = await Promise.all([
      referenceApi.divisions(),
      referenceApi.industries(),
      referenceApi.enterpriseTags(),
    ])
    return { divisions: divisions.items, industries: industries.items, tags: tags.items }
  }, [i18n.language])
}
