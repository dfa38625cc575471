import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { BenchmarksView } from './BenchmarksView'

/** `/staff/benchmarks`: the benchmarks by indicator (the bureau and department heads; the server scopes). */
export function BenchmarksPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('benchmarks.title')} subtitle={t('benchmarks.subtitle')} />
      <BenchmarksView />
    </>
  )
}
