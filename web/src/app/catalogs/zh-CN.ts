/**
 * Every messages.zh-CN.json under web/src (app/, ui/, each feature), in one chunk for the language;
 * i18n.ts merges them (merge.ts) when the language loads.
 */
export default import.meta.glob<unknown>('../../**/messages.zh-CN.json', { eager: true, import: 'default' })
