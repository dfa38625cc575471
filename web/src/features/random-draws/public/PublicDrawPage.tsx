import { Card, ErrorBlock, List, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { randomDrawsApi, type PublicRandomDraw } from '../random-draws.api'
import './draw.css'

const TIERS = ['A', 'B', 'C', 'D', 'U'] as const

/**
 * `/draws/:id`: a random draw's public page (双随机一公开), no sign-in — every hash at every step
 * (commitments, the frozen list's hash, the secrets once all are revealed, the seed), the ratios, the
 * dates and deadline, the frozen list to download, and the result once published.
 */
export function PublicDrawPage() {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const draw = useLoad(() => randomDrawsApi.publicDraw(id), [id, i18n.language])
  return (
    <MobilePage title={t('randomDraws.title')} back={paths.home}>
      {draw.error ? (
        <ErrorBlock
          status="empty"
          title={errorMessage(draw.error, t('randomDraws.notFound'))}
          description=""
        />
      ) : !draw.data ? (
        <PageLoading />
      ) : (
        <DrawView draw={draw.data} />
      )}
    </MobilePage>
  )
}

function Hash({ value }: { value: string | null }) {
  const { t } = useTranslation()
  return value ? (
    <code className="m-draw-hash">{value}</code>
  ) : (
    <span className="m-draw-pending">{t('randomDraws.pending')}</span>
  )
}

function DrawView({ draw }: { draw: PublicRandomDraw }) {
  const { t, i18n } = useTranslation()
  const when = (iso: string | null) => formatDateTime(iso, i18n.language)
  return (
    <div className="m-draw">
      <Card title={<h2 className="m-draw-title">{draw.title}</h2>}>
        <Tag color={draw.status === 'published' ? 'success' : 'primary'}>
          {t(`randomDraws.status.${draw.status}`)}
        </Tag>
        <p className="m-draw-text">
          {t('randomDraws.body')}：{draw.departmentName}
        </p>
        <p className="m-draw-text">
          {t('randomDraws.scope')}：{draw.scope}
        </p>
        <p className="m-draw-text">
          {t('randomDraws.ratios')}：
          {TIERS.map(
            (tier) => `${tier === 'U' ? t('randomDraws.tierU') : tier} ${draw.ratios[tier] / 100}%`,
          ).join('，')}
        </p>
        <p className="m-draw-intro">{t('randomDraws.intro')}</p>
      </Card>
      <List header={t('randomDraws.parties')}>
        {draw.parties.map((p) => (
          <List.Item
            key={p.position}
            description={
              <>
                <div>
                  {t('randomDraws.commitment')}：<Hash value={p.commitment} />
                </div>
                <div>
                  {t('randomDraws.secret')}：<Hash value={p.secret} />
                </div>
              </>
            }
          >
            {p.position}. {t(`randomDraws.capacity.${p.capacity}`)} · {p.name}
          </List.Item>
        ))}
      </List>
      <List header={t('randomDraws.listHash')}>
        <List.Item
          description={
            draw.enterpriseCount !== null
              ? t('randomDraws.counts', {
                  enterprises: draw.enterpriseCount,
                  inspectors: draw.inspectorCount,
                })
              : null
          }
        >
          <Hash value={draw.listHash} />
        </List.Item>
        {draw.listHash ? (
          <List.Item>
            <a className="m-draw-link" href={randomDrawsApi.listUrl(draw.id)} download>
              {t('randomDraws.downloadList')}
            </a>
          </List.Item>
        ) : null}
        <List.Item description={t('randomDraws.beacon') + '：' + (draw.beacon ?? '—')}>
          {t('randomDraws.seed')}：<Hash value={draw.seed} />
        </List.Item>
        <List.Item>
          {t('randomDraws.algorithm')}：{draw.algorithm}
        </List.Item>
      </List>
      <List header={t('randomDraws.dates')}>
        <List.Item>{t('randomDraws.openedAt', { date: when(draw.openedAt) })}</List.Item>
        {draw.drawnAt ? (
          <List.Item>{t('randomDraws.drawnAt', { date: when(draw.drawnAt) })}</List.Item>
        ) : null}
        {draw.publishDueAt ? (
          <List.Item>{t('randomDraws.publishDueAt', { date: when(draw.publishDueAt) })}</List.Item>
        ) : null}
        {draw.publishedAt ? (
          <List.Item>{t('randomDraws.publishedAt', { date: when(draw.publishedAt) })}</List.Item>
        ) : null}
      </List>
      {draw.result ? (
        <List header={t('randomDraws.result', { count: draw.result.targets.length })}>
          {draw.result.targets.map((target) => (
            <List.Item
              key={target.enterpriseId}
              description={
                <>
                  <div>{target.uscc}</div>
                  <div>
                    {t('randomDraws.inspectors')}：
                    {target.inspectors.map((i) => `${i.name}（${i.certificateNo}）`).join('、')}
                  </div>
                </>
              }
              extra={<Tag>{target.tier === 'U' ? t('randomDraws.tierU') : target.tier}</Tag>}
            >
              {target.position}. {target.name}
            </List.Item>
          ))}
        </List>
      ) : (
        <ErrorBlock status="empty" title={t('randomDraws.noResult')} description="" />
      )}
    </div>
  )
}
