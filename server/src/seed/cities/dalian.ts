import type { CitySeed } from '../seed-types'
import { DALIAN_APPEAL_CATEGORIES } from './dalian-appeals'
import { DALIAN_MATTERS } from './dalian-matters'
import { DALIAN_MATTER_RULES } from './dalian-matter-rules'

/** Space-separated lists (no form contains a space). */
const forms = (text: string) => text.split(' ')

/**
 * Dalian: the municipal government, about 28 real municipal departments and vertically managed
 * offices that handle enterprise matters, and the ten county-level divisions of GB/T 2260.
 */
export const dalian: CitySeed = {
  root: { code: 'DL', name: '大连市人民政府', divisionCode: '210200' },
  departments: [
    {
      code: 'DL-YSJ',
      name: '大连市营商环境建设局',
      shortName: '市营商局',
      recognisedNames: forms('营商局 营商环境局 营商环境建设局 营商部门'),
      isBureau: true,
      isFallbackOwner: true,
      divisions: [
        { code: 'DL-YSJ-ZB', name: '民企诉求专班', recognisedNames: forms('诉求专班 民营企业诉求专班') },
        { code: 'DL-YSJ-JD', name: '监督检查处' },
        { code: 'DL-YSJ-ZH', name: '综合协调处' },
      ],
    },
    {
      code: 'DL-FGW',
      name: '大连市发展和改革委员会',
      shortName: '市发展改革委',
      recognisedNames: forms('发改委 发展改革委 发改局 发改部门 发展改革部门 发展和改革委'),
    },
    {
      code: 'DL-GXJ',
      name: '大连市工业和信息化局',
      shortName: '市工信局',
      recognisedNames: forms('工信局 工信部门 工业和信息化部门 经信委 经信局'),
    },
    {
      code: 'DL-JYJ',
      name: '大连市教育局',
      shortName: '市教育局',
      recognisedNames: forms('教育局 教育部门 教育主管部门'),
    },
    {
      code: 'DL-KJJ',
      name: '大连市科学技术局',
      shortName: '市科技局',
      recognisedNames: forms('科技局 科技部门 科学技术部门'),
    },
    {
      code: 'DL-GAJ',
      name: '大连市公安局',
      shortName: '市公安局',
      recognisedNames: forms(
        '公安局 公安部门 公安机关 公安分局 派出所 交警 交警支队 交警大队 车管所 出入境管理局',
      ),
    },
    {
      code: 'DL-MZJ',
      name: '大连市民政局',
      shortName: '市民政局',
      recognisedNames: forms('民政局 民政部门'),
    },
    {
      code: 'DL-SFJ',
      name: '大连市司法局',
      shortName: '市司法局',
      recognisedNames: forms('司法局 司法行政部门 司法部门'),
    },
    {
      code: 'DL-CZJ',
      name: '大连市财政局',
      shortName: '市财政局',
      recognisedNames: forms('财政局 财政部门'),
    },
    {
      code: 'DL-RSJ',
      name: '大连市人力资源和社会保障局',
      shortName: '市人社局',
      recognisedNames: forms(
        '人社局 人社部门 人力资源和社会保障部门 人力资源社会保障局 社保局 社保中心 社保经办机构 劳动监察 劳动保障监察 劳动仲裁委 劳动人事争议仲裁院 劳动局',
      ),
    },
    {
      code: 'DL-ZRZYJ',
      name: '大连市自然资源局',
      shortName: '市自然资源局',
      recognisedNames: forms(
        '自然资源局 自然资源部门 自然资源和规划局 规划局 规划部门 国土局 国土资源局 国土部门 不动产登记中心',
      ),
    },
    {
      code: 'DL-STHJJ',
      name: '大连市生态环境局',
      shortName: '市生态环境局',
      recognisedNames: forms('生态环境局 生态环境部门 环保局 环保部门 环境保护局 生态环境分局 环保分局'),
    },
    {
      code: 'DL-ZJJ',
      name: '大连市住房和城乡建设局',
      shortName: '市住建局',
      recognisedNames: forms(
        '住建局 住建委 住建部门 建委 城建局 住房城乡建设局 住房和城乡建设部门 质监站 建设工程质量监督站',
      ),
    },
    {
      code: 'DL-JTJ',
      name: '大连市交通运输局',
      shortName: '市交通局',
      recognisedNames: forms(
        '交通局 交通运输局 交通部门 交通运输部门 运管处 运管所 运管部门 交通执法 交通运输综合行政执法队',
      ),
    },
    {
      code: 'DL-SWJ',
      name: '大连市水务局',
      shortName: '市水务局',
      recognisedNames: forms('水务局 水利局 水务部门 水利部门'),
    },
    {
      code: 'DL-NYNCJ',
      name: '大连市农业农村局',
      shortName: '市农业农村局',
      recognisedNames: forms('农业农村局 农业局 农委 农业部门 农业农村部门 畜牧局'),
    },
    {
      code: 'DL-HYJ',
      name: '大连市海洋发展局',
      shortName: '市海洋局',
      recognisedNames: forms('海洋局 海洋发展局 海洋渔业局 渔业局 海洋与渔业局 海洋部门 渔政'),
    },
    {
      code: 'DL-SWUJ',
      name: '大连市商务局',
      shortName: '市商务局',
      recognisedNames: forms('商务局 商务部门 商务委 外经贸局'),
    },
    {
      code: 'DL-WLJ',
      name: '大连市文化和旅游局',
      shortName: '市文旅局',
      recognisedNames: forms('文旅局 文化和旅游局 文旅部门 文化旅游局 旅游局 文化局 文化市场综合执法'),
    },
    {
      code: 'DL-WJW',
      name: '大连市卫生健康委员会',
      shortName: '市卫健委',
      recognisedNames: forms('卫健委 卫健局 卫健部门 卫生健康部门 卫生局 卫生部门 卫生监督所 疾控中心'),
    },
    {
      code: 'DL-YJJ',
      name: '大连市应急管理局',
      shortName: '市应急局',
      recognisedNames: forms('应急局 应急管理局 应急部门 应急管理部门 安监局 安监部门 安全生产监督管理局'),
    },
    {
      code: 'DL-SCJGJ',
      name: '大连市市场监督管理局',
      shortName: '市市场监管局',
      recognisedNames: forms(
        '市场监管局 市监局 市场监管部门 市场监督管理部门 市场监管所 市场监督管理所 市场监管 工商局 工商部门 工商所 质监局 质监部门 食药监局 食药监 知识产权局',
      ),
      divisions: [
        { code: 'DL-SCJGJ-DJ', name: '登记注册处' },
        { code: 'DL-SCJGJ-XY', name: '信用监督管理处' },
      ],
    },
    {
      code: 'DL-CGJ',
      name: '大连市城市管理局',
      shortName: '市城管局',
      recognisedNames: forms(
        '城管局 城管 城管部门 城管执法 城管执法局 城市管理部门 城市管理综合执法局 综合执法局',
      ),
    },
    {
      code: 'DL-YBJ',
      name: '大连市医疗保障局',
      shortName: '市医保局',
      recognisedNames: forms('医保局 医保部门 医疗保障部门 医保中心'),
    },
    {
      code: 'DL-TAX',
      name: '国家税务总局大连市税务局',
      shortName: '市税务局',
      recognisedNames: forms(
        '税务局 大连市税务局 税务部门 税务机关 税务分局 税务所 国税局 地税局 国税 地税 税务总局',
      ),
    },
    {
      code: 'DL-HG',
      name: '大连海关',
      shortName: '大连海关',
      recognisedNames: forms('海关 海关部门 大连海关隶属海关'),
    },
    {
      code: 'DL-JW',
      name: '中共大连市纪律检查委员会 大连市监察委员会',
      shortName: '市纪委监委',
      recognisedNames: forms(
        '纪委监委 纪委 市纪委 纪检监察 纪检监察机关 纪检 监委 纪律检查委员会 监察委员会',
      ),
    },
    {
      code: 'DL-GSL',
      name: '大连市工商业联合会',
      shortName: '市工商联',
      recognisedNames: forms('工商联 工商业联合会 市工商联 民营企业维权服务中心'),
    },
  ],
  districts: [
    {
      code: 'DL-ZS',
      name: '大连市中山区人民政府',
      divisionCode: '210202',
      recognisedNames: forms('中山区政府 大连市中山区政府'),
    },
    {
      code: 'DL-XG',
      name: '大连市西岗区人民政府',
      divisionCode: '210203',
      recognisedNames: forms('西岗区政府 大连市西岗区政府'),
    },
    {
      code: 'DL-SHK',
      name: '大连市沙河口区人民政府',
      divisionCode: '210204',
      recognisedNames: forms('沙河口区政府 大连市沙河口区政府'),
    },
    {
      code: 'DL-GJZ',
      name: '大连市甘井子区人民政府',
      divisionCode: '210211',
      recognisedNames: forms('甘井子区政府 大连市甘井子区政府'),
    },
    {
      code: 'DL-LSK',
      name: '大连市旅顺口区人民政府',
      divisionCode: '210212',
      recognisedNames: forms('旅顺口区政府 大连市旅顺口区政府'),
    },
    {
      code: 'DL-JZ',
      name: '大连市金州区人民政府',
      divisionCode: '210213',
      recognisedNames: forms('金州区政府 大连市金州区政府'),
    },
    {
      code: 'DL-PLD',
      name: '大连市普兰店区人民政府',
      divisionCode: '210214',
      recognisedNames: forms('普兰店区政府 大连市普兰店区政府'),
    },
    {
      code: 'DL-CH',
      name: '长海县人民政府',
      divisionCode: '210224',
      recognisedNames: forms('长海县政府'),
    },
    {
      code: 'DL-WFD',
      name: '瓦房店市人民政府',
      divisionCode: '210281',
      recognisedNames: forms('瓦房店市政府'),
    },
    {
      code: 'DL-ZH',
      name: '庄河市人民政府',
      divisionCode: '210283',
      recognisedNames: forms('庄河市政府'),
    },
  ],
  /** Where enterprises are, roughly: weights of the demo data by district. */
  enterpriseWeights: {
    '210202': 10,
    '210203': 8,
    '210204': 12,
    '210211': 20,
    '210212': 6,
    '210213': 18,
    '210214': 7,
    '210224': 2,
    '210281': 9,
    '210283': 8,
  },
  demoAccounts: [
    { username: 'admin', displayName: '系统管理员', department: 'DL-YSJ-ZH', roles: ['admin'] },
    { username: 'dispatcher', displayName: '王专班', department: 'DL-YSJ-ZB', roles: ['dispatcher'] },
    { username: 'leader', displayName: '李局长', department: 'DL-YSJ', roles: ['bureau_leader'] },
    { username: 'handler', displayName: '张办理', department: 'DL-SCJGJ', roles: ['handler'] },
    { username: 'depthead', displayName: '赵处长', department: 'DL-SCJGJ', roles: ['department_head'] },
    // A handler of a second department, so a co-handled appeal (协办) can be tried end to end.
    { username: 'taxhandler', displayName: '孙税务', department: 'DL-TAX', roles: ['handler'] },
    // A department head of 税务 and both roles of 人社: with handler and depthead (市场监管), the three
    // departments of 企业注销一件事 can each accept and approve their part (the bundle journey).
    { username: 'taxhead', displayName: '周科长', department: 'DL-TAX', roles: ['department_head'] },
    { username: 'rsjhandler', displayName: '吴社保', department: 'DL-RSJ', roles: ['handler'] },
    { username: 'rsjhead', displayName: '郑处长', department: 'DL-RSJ', roles: ['department_head'] },
    { username: 'inspector', displayName: '刘执法', department: 'DL-SCJGJ', roles: ['inspector'] },
    // Two more certified inspectors of 市场监管局: an inspection is made by at least two (inspections demo).
    { username: 'inspector2', displayName: '王执法', department: 'DL-SCJGJ', roles: ['inspector'] },
    { username: 'inspector3', displayName: '赵执法', department: 'DL-SCJGJ', roles: ['inspector'] },
    { username: 'discipline', displayName: '陈纪检', department: 'DL-JW', roles: ['discipline_inspector'] },
  ],
  demoEnterprisePhone: '13900000001',
  appealCategories: DALIAN_APPEAL_CATEGORIES,
  serviceMatters: DALIAN_MATTERS,
  matterRules: DALIAN_MATTER_RULES,
  factSources: {
    tax: ['DL-TAX'],
    social_security: ['DL-RSJ'],
    market_regulation: ['DL-SCJGJ'],
    science: ['DL-KJJ'],
    other_department: ['DL-GXJ', 'DL-CZJ'],
  },
}
