import type { CitySeed } from '../seed-types'

/**
 * Dalian: the municipal government, about 28 real municipal departments and vertically managed
 * offices that handle enterprise matters, and the ten county-level divisions of GB/T 2260.
 */
export const dalian: CitySeed = {
  root: { code: 'DL', name: '大连市人民政府', divisionCode: '210200' },
  departments: [
    {
      code: 'DL-YSJ', name: '大连市营商环境建设局', shortName: '市营商局', isBureau: true, isFallbackOwner: true,
      divisions: [
        { code: 'DL-YSJ-ZB', name: '民企诉求专班' },
        { code: 'DL-YSJ-JD', name: '监督检查处' },
        { code: 'DL-YSJ-ZH', name: '综合协调处' },
      ],
    },
    { code: 'DL-FGW', name: '大连市发展和改革委员会', shortName: '市发展改革委' },
    { code: 'DL-GXJ', name: '大连市工业和信息化局', shortName: '市工信局' },
    { code: 'DL-JYJ', name: '大连市教育局', shortName: '市教育局' },
    { code: 'DL-KJJ', name: '大连市科学技术局', shortName: '市科技局' },
    { code: 'DL-GAJ', name: '大连市公安局', shortName: '市公安局' },
    { code: 'DL-MZJ', name: '大连市民政局', shortName: '市民政局' },
    { code: 'DL-SFJ', name: '大连市司法局', shortName: '市司法局' },
    { code: 'DL-CZJ', name: '大连市财政局', shortName: '市财政局' },
    { code: 'DL-RSJ', name: '大连市人力资源和社会保障局', shortName: '市人社局' },
    { code: 'DL-ZRZYJ', name: '大连市自然资源局', shortName: '市自然资源局' },
    { code: 'DL-STHJJ', name: '大连市生态环境局', shortName: '市生态环境局' },
    { code: 'DL-ZJJ', name: '大连市住房和城乡建设局', shortName: '市住建局' },
    { code: 'DL-JTJ', name: '大连市交通运输局', shortName: '市交通局' },
    { code: 'DL-SWJ', name: '大连市水务局', shortName: '市水务局' },
    { code: 'DL-NYNCJ', name: '大连市农业农村局', shortName: '市农业农村局' },
    { code: 'DL-HYJ', name: '大连市海洋发展局', shortName: '市海洋局' },
    { code: 'DL-SWUJ', name: '大连市商务局', shortName: '市商务局' },
    { code: 'DL-WLJ', name: '大连市文化和旅游局', shortName: '市文旅局' },
    { code: 'DL-WJW', name: '大连市卫生健康委员会', shortName: '市卫健委' },
    { code: 'DL-YJJ', name: '大连市应急管理局', shortName: '市应急局' },
    {
      code: 'DL-SCJGJ', name: '大连市市场监督管理局', shortName: '市市场监管局',
      divisions: [
        { code: 'DL-SCJGJ-DJ', name: '登记注册处' },
        { code: 'DL-SCJGJ-XY', name: '信用监督管理处' },
      ],
    },
    { code: 'DL-CGJ', name: '大连市城市管理局', shortName: '市城管局' },
    { code: 'DL-YBJ', name: '大连市医疗保障局', shortName: '市医保局' },
    { code: 'DL-TAX', name: '国家税务总局大连市税务局', shortName: '市税务局' },
    { code: 'DL-HG', name: '大连海关', shortName: '大连海关' },
    { code: 'DL-JW', name: '中共大连市纪律检查委员会 大连市监察委员会', shortName: '市纪委监委' },
    { code: 'DL-GSL', name: '大连市工商业联合会', shortName: '市工商联' },
  ],
  districts: [
    { code: 'DL-ZS', name: '大连市中山区人民政府', divisionCode: '210202' },
    { code: 'DL-XG', name: '大连市西岗区人民政府', divisionCode: '210203' },
    { code: 'DL-SHK', name: '大连市沙河口区人民政府', divisionCode: '210204' },
    { code: 'DL-GJZ', name: '大连市甘井子区人民政府', divisionCode: '210211' },
    { code: 'DL-LSK', name: '大连市旅顺口区人民政府', divisionCode: '210212' },
    { code: 'DL-JZ', name: '大连市金州区人民政府', divisionCode: '210213' },
    { code: 'DL-PLD', name: '大连市普兰店区人民政府', divisionCode: '210214' },
    { code: 'DL-CH', name: '长海县人民政府', divisionCode: '210224' },
    { code: 'DL-WFD', name: '瓦房店市人民政府', divisionCode: '210281' },
    { code: 'DL-ZH', name: '庄河市人民政府', divisionCode: '210283' },
  ],
  /** Where enterprises are, roughly: weights of the demo data by district. */
  enterpriseWeights: {
    '210202': 10, '210203': 8, '210204': 12, '210211': 20, '210212': 6,
    '210213': 18, '210214': 7, '210224': 2, '210281': 9, '210283': 8,
  },
  demoAccounts: [
    { username: 'admin', displayName: '系统管理员', department: 'DL-YSJ-ZH', roles: ['admin'] },
    { username: 'dispatcher', displayName: '王专班', department: 'DL-YSJ-ZB', roles: ['dispatcher'] },
    { username: 'leader', displayName: '李局长', department: 'DL-YSJ', roles: ['bureau_leader'] },
    { username: 'handler', displayName: '张办理', department: 'DL-SCJGJ', roles: ['handler'] },
    { username: 'depthead', displayName: '赵处长', department: 'DL-SCJGJ', roles: ['department_head'] },
    { username: 'inspector', displayName: '刘执法', department: 'DL-SCJGJ', roles: ['inspector'] },
    { username: 'discipline', displayName: '陈纪检', department: 'DL-JW', roles: ['discipline_inspector'] },
  ],
  demoEnterprisePhone: '13900000001',
}
