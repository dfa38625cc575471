/**
 * The columns of a federation (工商联) batch file, by their titles in the sheet. Pure: the server reads
 * files by them, the web offers a template with them.
 */
export const IMPORT_COLUMNS = {
  uscc: '统一社会信用代码',
  category: '诉求类别',
  title: '标题',
  body: '诉求内容',
  contactPhone: '联系电话',
  address: '地址',
} as const
