import { Card, ErrorBlock, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { cityDateOf } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { exposuresApi } from '../exposures.api'
import './board.css'

/**
 * `/exposures`: the public exposure board (曝光台) — typical cases that harmed the business
 * environment, reviewed by a second person and redacted before they appear, with the date and what
 * the unit did about it. No sign-in.
 */
export function ExposureBoardPage() {
  const { t, i18n } = useTranslation()
  const board = useLoad(() => exposuresApi.board({ limit: 50, offset: 0 }), [i18n.language])
  return (
    <MobilePage title={t('exposures.board.title')} back={paths.home}>
      <p className="m-board-intro">{t('exposures.board.intro')}</p>
      {board.error ? (
        <ErrorBlock
          status="default"
          title={errorMessage(board.error, t('errors.loadFailed'))}
          description=""
        />
      ) : !board.data ? (
        <PageLoading />
      ) : board.data.items.length === 0 ? (
        <ErrorBlock status="empty" title={t('exposures.board.empty')} description="" />
      ) : (
        board.data.items.map((item) => (
          <Card
            key={item.id}
            className="m-board-card"
            title={<h2 className="m-board-title">{item.title}</h2>}
          >
            <div className="m-board-meta">
              <span>{item.unitName}</span>
              <span>{t('exposures.board.published', { date: cityDateOf(new Date(item.publishedAt)) })}</span>
            </div>
            <p className="m-board-text">{item.conduct}</p>
            {item.rectification ? (
              <div className="m-board-rectified">
                <Tag color="success">{t('exposures.board.rectified')}</Tag>
                {item.rectifiedAt ? <span> {cityDateOf(new Date(item.rectifiedAt))}</span> : null}
                <p className="m-board-text">{item.rectification}</p>
              </div>
            ) : (
              <Tag color="warning">{t('exposures.board.rectifying')}</Tag>
            )}
          </Card>
        ))
      )}
    </MobilePage>
  )
}
