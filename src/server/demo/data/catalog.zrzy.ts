import type { DemoItem } from './types';
import { businessLicense, defaultsFor, form, idCard, itemCodes, location, mat, step, wd } from './catalog.common';

/**
 * 自然资源和规划 (window 19, and the 工程建设 comprehensive window 5). Planning permits have no special
 * limit in 《城乡规划法》, so the general 20 working days of 行政许可法 第四十二条 apply.
 */

const common = defaultsFor('ZRZY');
const ZRZY_WINDOWS = location('一楼大厅5号综合受理窗口（工程建设）、二楼大厅19号自然资源和规划窗口');
const GENERAL_LIMIT = '《中华人民共和国行政许可法》第四十二条：二十个工作日';

export const zrzyItems: DemoItem[] = [
  {
    ...common,
    ...itemCodes('ZRZY', '01', 1),
    name: '建设用地规划许可证核发',
    caseType: 'promised',
    legalLimit: wd(20),
    legalLimitNote: GENERAL_LIMIT,
    promisedLimit: wd(5),
    previousPromisedLimit: wd(15),
    handlingModes: ['online', 'one_visit'],
    visitsRequired: 1,
    visitsReason: '领取纸质许可证及附图',
    onlineDepth: 5,
    legalBasis: '《中华人民共和国城乡规划法》第三十七条、第三十八条',
    conditions: '以划拨或出让方式取得国有土地使用权的建设项目，符合控制性详细规划和规划条件',
    steps: [step('受理', 'officer', 1), step('审查', 'approver', 2), step('审批发证', 'approver', 2)],
    specialProcedures: [],
    fees: [],
    result: { name: '建设用地规划许可证', kind: 'certificate' },
    location: ZRZY_WINDOWS,
    faq: [{ q: '出让土地还要单独申请吗？', a: '以出让方式取得的，可与用地批准合并办理、同步核发。' }],
    themes: ['工程建设'],
    materials: [
      form('建设用地规划许可申请表'),
      businessLicense(),
      mat('国有建设用地使用权出让合同或划拨决定书', { copies: 1 }),
      mat('建设项目批准、核准或备案文件', { source: 'government' }),
    ],
  },
  {
    ...common,
    ...itemCodes('ZRZY', '01', 2),
    name: '建设工程规划许可证核发',
    caseType: 'promised',
    legalLimit: wd(20),
    legalLimitNote: GENERAL_LIMIT,
    promisedLimit: wd(7),
    previousPromisedLimit: wd(20),
    handlingModes: ['online', 'one_visit'],
    visitsRequired: 1,
    visitsReason: '领取纸质许可证及附图',
    onlineDepth: 5,
    legalBasis: '《中华人民共和国城乡规划法》第四十条',
    conditions: '在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的',
    steps: [step('受理', 'officer', 1), step('方案审查', 'approver', 3), step('审批发证', 'approver', 3)],
    specialProcedures: ['专家评审'],
    fees: [],
    result: { name: '建设工程规划许可证', kind: 'certificate' },
    location: ZRZY_WINDOWS,
    faq: [{ q: '设计方案需要专家评审吗？', a: '重大项目需组织专家评审，评审期间停止计时并书面告知。' }],
    themes: ['工程建设'],
    materials: [
      form('建设工程规划许可申请表'),
      businessLicense(),
      mat('建设用地规划许可证或不动产权证书', { source: 'e_license', form: 'both' }),
      mat('建设工程设计方案总平面图及电子文件', { form: 'both' }),
    ],
  },
  {
    ...common,
    ...itemCodes('ZRZY', '01', 3),
    name: '乡村建设规划许可证核发',
    acceptLevels: ['county', 'township'],
    caseType: 'promised',
    legalLimit: wd(20),
    legalLimitNote: GENERAL_LIMIT,
    promisedLimit: wd(10),
    previousPromisedLimit: wd(20),
    handlingModes: ['onsite_prerequisite', 'nearby', 'one_visit'],
    visitsRequired: 1,
    visitsReason: '现场踏勘时须申请人在场',
    onlineDepth: 3,
    legalBasis: '《中华人民共和国城乡规划法》第四十一条',
    conditions: '在乡、村庄规划区内进行乡镇企业、乡村公共设施和公益事业建设以及农村村民住宅建设的',
    steps: [step('镇受理并踏勘', 'officer', 4), step('审查', 'approver', 3), step('审批发证', 'approver', 3)],
    specialProcedures: ['现场核查'],
    fees: [],
    result: { name: '乡村建设规划许可证', kind: 'certificate' },
    location: `${ZRZY_WINDOWS}；农村村民建房向镇便民服务中心申请`,
    faq: [{ q: '村民建房去哪里申请？', a: '向镇便民服务中心提出，镇政府报县自然资源和规划局核发。' }],
    themes: ['工程建设', '乡村振兴'],
    materials: [
      form('乡村建设规划许可申请表'),
      idCard(),
      mat('村民委员会意见', { notes: '村民住宅建设提供' }),
      mat('建设工程设计图或农房通用图集选用说明'),
    ],
  },
];
