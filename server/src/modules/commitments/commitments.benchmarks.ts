import { cityToday } from '../../kernel/calendar/city-today'
import { registerComputedIndicator } from '../benchmarks'
import { arrearsDaysParts } from './commitments-arrears.queries'

/** The ledger computes the benchmark 拖欠企业账款平均逾期天数 (arrearsDays) from its own payables. */
registerComputedIndicator('arrearsDays', (deps, p) =>
  arrearsDaysParts(deps.readDb, { ...p, today: cityToday(deps) }),
)
