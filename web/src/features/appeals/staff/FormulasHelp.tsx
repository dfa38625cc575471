import { Collapse } from 'antd'
import { formatPercent, RATE_KEYS } from '../figures'
import type { Figures } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'

const NOTES = ['period', 'department', 'clocks', 'zero', 'withdrawn'] as const

/**
 * The published formulas (docs/METRICS.md) in the page itself: what each rate counts above and
 * below the line, the composite score with the weights in use, and the counting rules.
 */
export function FormulasHelp({ weights }: { weights?: Figures['weights'] }) {
  const { t, tx } = useAppealText()
  return (
    <Collapse
      size="small"
      className="s-formulas"
      items={[
        {
          key: 'formulas',
          label: t('appeals.formulas.title'),
          children: (
            <>
              <dl className="s-formula-list">
                {RATE_KEYS.map((key) => (
                  <div key={key}>
                    <dt>{tx(`appeals.figures.rates.${key}`)}</dt>
                    <dd>
                      <div>
                        <span className="s-formula-part">{t('appeals.formulas.numerator')}</span>
                        {tx(`appeals.formulas.${key}.numerator`)}
                      </div>
                      <div>
                        <span className="s-formula-part">{t('appeals.formulas.denominator')}</span>
                        {tx(`appeals.formulas.${key}.denominator`)}
                      </div>
                    </dd>
                  </div>
                ))}
                <div>
                  <dt>{t('appeals.figures.score')}</dt>
                  <dd>
                    {t('appeals.formulas.score', {
                      response: formatPercent(weights?.response ?? null),
                      resolution: formatPercent(weights?.resolution ?? null),
                      satisfaction: formatPercent(weights?.satisfaction ?? null),
                    })}
                  </dd>
                </div>
              </dl>
              <ul className="s-formula-notes">
                {NOTES.map((note) => (
                  <li key={note}>{tx(`appeals.formulas.notes.${note}`)}</li>
                ))}
              </ul>
            </>
          ),
        },
      ]}
    />
  )
}
