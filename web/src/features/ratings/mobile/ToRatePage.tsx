import { List, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { ChooseEnterprise } from '../../../ui/mobile/ChooseEnterprise'
import { LoadedList } from '../../../ui/mobile/LoadedList'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad, type Loaded } from '../../../ui/use-load'
import { ratingsApi, type MyRatings } from '../ratings.api'
import { levelLabel, ratingsPaths, SUBJECT_LABELS } from '../ratings-paths'

/** `/ratings`: straight to the one enterprise's 待评价 list, or a choice of enterprise. */
export function ChooseToRatePage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('ratings.toRate.title')} back={paths.home}>
      <RequireEnterpriseUser>
        {() => (
          <ChooseEnterprise
            to={ratingsPaths.toRateOf}
            chooseText={t('ratings.toRate.choose')}
            noneText={t('ratings.toRate.none')}
          />
        )}
      </RequireEnterpriseUser>
    </MobilePage>
  )
}

/** `/ratings/:enterpriseId`: the finished cases still to rate (待评价), then the ratings given. */
export function ToRatePage() {
  const { t } = useTranslation()
  const { enterpriseId = '' } = useParams()
  return (
    <MobilePage title={t('ratings.toRate.title')} back={paths.home}>
      <RequireEnterpriseUser>{() => <ToRate enterpriseId={enterpriseId} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function ToRate({ enterpriseId }: { enterpriseId: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const loaded = useLoad(() => ratingsApi.mine(enterpriseId), [enterpriseId, i18n.language])
  const toRate = part(loaded, (d) => d.toRate)
  const rated = part(loaded, (d) => d.rated)
  return (
    <>
      <LoadedList loaded={toRate} empty={t('ratings.toRate.empty')}>
        {(items) => (
          <List>
            {items.map((item) => (
              <List.Item
                key={`${item.subjectType}/${item.subjectId}/${item.stage}`}
                description={`${t(SUBJECT_LABELS[item.subjectType])}${item.number ? ` ${item.number}` : ''}${
                  item.finishedAt ? ` · ${formatDateTime(item.finishedAt, i18n.language)}` : ''
                }`}
                extra={t('ratings.toRate.rate')}
                onClick={() => {
                  const own = ratingsPaths.caseOf(enterpriseId, item.subjectType, item.subjectId)
                  void navigate(
                    item.ratedThroughCase && own
                      ? own
                      : ratingsPaths.sheet(enterpriseId, item.subjectType, item.subjectId, item.stage),
                  )
                }}
              >
                {item.title}
              </List.Item>
            ))}
          </List>
        )}
      </LoadedList>
      <h2 className="m-section-title" style={{ padding: '0 16px' }}>
        {t('ratings.rated.title')}
      </h2>
      <LoadedList loaded={rated} empty={t('ratings.rated.empty')}>
        {(items) => (
          <List>
            {items.map((item) => (
              <List.Item
                key={item.id}
                description={`${t(SUBJECT_LABELS[item.subjectType])} · ${formatDateTime(item.ratedAt, i18n.language)}`}
                extra={
                  <Tag
                    color={item.level <= 2 ? 'danger' : item.level >= 4 ? 'success' : 'default'}
                    fill="outline"
                  >
                    {item.kind === 'default' ? t('ratings.rated.default') : t(levelLabel(item.level))}
                  </Tag>
                }
              >
                {item.title ?? item.number ?? t(SUBJECT_LABELS[item.subjectType])}
              </List.Item>
            ))}
          </List>
        )}
      </LoadedList>
    </>
  )
}

/** One list of the one answer, as the list component reads it (read-only: the page reloads both). */
function part<T>(loaded: Loaded<MyRatings>, pick: (data: MyRatings) => T[]): Loaded<{ items: T[] }> {
  return {
    data: loaded.data ? { items: pick(loaded.data) } : undefined,
    error: loaded.error,
    isLoading: loaded.isLoading,
    reload: loaded.reload,
    setData: () => loaded.reload(),
  }
}
