/**
 * Recognitions and kinds an enterprise profile can carry. Codes are stable (rules in later
 * capabilities test for them); names are shown through i18n (tags.<code>).
 */
export const ENTERPRISE_TAGS = [
  'high_tech', // 高新技术企业
  'tech_sme', // 科技型中小企业
  'specialized_sme', // 专精特新中小企业
  'little_giant', // 专精特新“小巨人”企业
  'gazelle', // 瞪羚企业
  'above_scale_industrial', // 规模以上工业企业
  'foreign_invested', // 外商投资企业
  'state_owned', // 国有企业
  'private', // 民营企业
  'listed', // 上市公司
  'individual_business', // 个体工商户
  'cooperative', // 农民专业合作社
] as const

export type EnterpriseTag = (typeof ENTERPRISE_TAGS)[number]

export const TAG_NAMES: Record<EnterpriseTag, { zh: string; en: string }> = {
  high_tech: { zh: '高新技术企业', en: 'High-tech enterprise' },
  tech_sme: { zh: '科技型中小企业', en: 'Tech-based SME' },
  specialized_sme: { zh: '专精特新中小企业', en: 'Specialised and innovative SME' },
  little_giant: { zh: '专精特新“小巨人”企业', en: '"Little giant" enterprise' },
  gazelle: { zh: '瞪羚企业', en: 'Gazelle enterprise' },
  above_scale_industrial: { zh: '规模以上工业企业', en: 'Industrial enterprise above designated size' },
  foreign_invested: { zh: '外商投资企业', en: 'Foreign-invested enterprise' },
  state_owned: { zh: '国有企业', en: 'State-owned enterprise' },
  private: { zh: '民营企业', en: 'Private enterprise' },
  listed: { zh: '上市公司', en: 'Listed company' },
  individual_business: { zh: '个体工商户', en: 'Individual business' },
  cooperative: { zh: '农民专业合作社', en: 'Farmers’ cooperative' },
}
