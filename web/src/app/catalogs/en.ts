import { mergeCatalogs } from './merge'

/** Every messages.en.json under web/src (app/, ui/, each feature), in one chunk for the language. */
export const files = import.meta.glob<unknown>('../../**/messages.en.json', {
  eager: true,
  import: 'default',
})

export default mergeCatalogs(files)
