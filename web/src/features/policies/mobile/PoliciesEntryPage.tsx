import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { ChooseEnterprise } from '../../../ui/mobile/ChooseEnterprise'
import { usePolicyText } from '../use-policy-text'
import '../../../ui/mobile/policy-pages.css'

/**
 * `/policies` (the 政策 tab): straight to the policies of the one enterprise the user acts for, or a
 * choice when there are several. Signed out, the tab leads to the public library instead.
 */
export function PoliciesEntryPage() {
  const { t } = usePolicyText()
  return (
    <MobilePage title={t('policies.mine.title')}>
      <RequireEnterpriseUser>
        {() => (
          <ChooseEnterprise
            to={paths.enterprisePolicies}
            chooseText={t('policies.mine.choose')}
            noneText={t('policies.mine.noEnterprise')}
          />
        )}
      </RequireEnterpriseUser>
    </MobilePage>
  )
}
