/**
 * The misconduct-reports module's public face (docs/decisions/0036): only the worklist's count. No
 * other module reads a report.
 */
export { countReportWork, seedDemoReportsIfEmpty } from './misconduct-reports.service'
