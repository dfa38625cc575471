import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { ChooseEnterprise } from '../../../ui/mobile/ChooseEnterprise'
import { useBenefitText } from '../use-benefit-text'

/** `/claims` (我的兑现 from the home page): the claims of the one enterprise, or a choice of enterprise. */
export function ClaimsEntryPage() {
  const { t } = useBenefitText()
  return (
    <MobilePage title={t('benefits.mine.title')} back={paths.home}>
      <RequireEnterpriseUser>
        {() => (
          <ChooseEnterprise
            to={paths.enterpriseClaims}
            chooseText={t('benefits.mine.choose')}
            noneText={t('benefits.mine.noEnterprise')}
          />
        )}
      </RequireEnterpriseUser>
    </MobilePage>
  )
}
