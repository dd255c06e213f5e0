import type { DemoItem } from './types';
import {
  NO_STATUTORY_LIMIT,
  SAME_DAY,
  businessLicense,
  defaultsFor,
  form,
  idCard,
  immediateSteps,
  itemCodes,
  location,
  mat,
} from './catalog.common';

/**
 * 税务 (windows 21–22). Every item is a 即办件: concluded at the window or online on the same day.
 * Taxes are not fees: the fee list of these items is empty (是否收费 = 否).
 */

const common = defaultsFor('SW');
const SW_WINDOWS = location('二楼大厅21号税务窗口');
const sameDay = {
  caseType: 'immediate',
  legalLimit: SAME_DAY,
  legalLimitNote: NO_STATUTORY_LIMIT,
  promisedLimit: SAME_DAY,
} as const;

export const swItems: DemoItem[] = [
  {
    ...common,
    ...itemCodes('SW', '20', 1),
    ...sameDay,
    name: '新办纳税人涉税事项综合办理',
    handlingModes: ['immediate', 'online', 'no_visit'],
    visitsRequired: 0,
    onlineDepth: 6,
    legalBasis: '《中华人民共和国税收征收管理法》第十五条；《中华人民共和国税收征收管理法实施细则》',
    conditions:
      '领取营业执照后首次办理涉税事项的纳税人（信息确认、税种认定、发票票种核定等"套餐式"一次办理）',
    steps: immediateSteps(),
    specialProcedures: [],
    fees: [],
    result: { name: '新办纳税人涉税事项办理结果通知', kind: 'document' },
    location: `${SW_WINDOWS}；企业开办可在1—2号综合受理窗口一并申请`,
    faq: [
      { q: '还需要办理税务登记证吗？', a: '不需要，"多证合一"后以营业执照代替税务登记证，信息确认即可。' },
    ],
    themes: ['企业开办', '纳税缴费'],
    materials: [businessLicense(), idCard('法定代表人（负责人）'), form('新办纳税人涉税事项综合申请表')],
  },
  {
    ...common,
    ...itemCodes('SW', '10', 2),
    ...sameDay,
    name: '发票领用',
    handlingModes: ['immediate', 'online', 'no_visit'],
    visitsRequired: 0,
    onlineDepth: 6,
    legalBasis: '《中华人民共和国发票管理办法》第十五条',
    conditions: '已办理涉税信息确认并完成票种核定的纳税人',
    steps: immediateSteps(),
    specialProcedures: [],
    fees: [],
    result: { name: '发票（数电发票授信额度）', kind: 'document' },
    location: SW_WINDOWS,
    faq: [{ q: '数电发票还要领票吗？', a: '数电发票无需领用，系统自动赋予开票额度。' }],
    themes: ['纳税缴费'],
    materials: [idCard('经办人'), businessLicense({ necessity: 'optional' })],
  },
  {
    ...common,
    ...itemCodes('SW', '20', 3),
    ...sameDay,
    name: '代开增值税发票',
    handlingModes: ['immediate', 'online', 'no_visit'],
    visitsRequired: 0,
    onlineDepth: 6,
    legalBasis: '《中华人民共和国发票管理办法》第十六条',
    conditions: '已办理税务登记的小规模纳税人或者临时取得应税收入的自然人',
    steps: immediateSteps(),
    specialProcedures: [],
    fees: [],
    result: { name: '增值税发票', kind: 'document' },
    location: SW_WINDOWS,
    faq: [{ q: '自然人出租房屋能代开发票吗？', a: '可以，在电子税务局或窗口申请代开。' }],
    themes: ['纳税缴费'],
    materials: [
      form('代开增值税发票缴纳税款申报单'),
      idCard('经办人'),
      mat('合同或付款方证明', { copies: 1 }),
    ],
  },
  {
    ...common,
    ...itemCodes('SW', '04', 4),
    ...sameDay,
    name: '契税申报缴纳',
    handlingModes: ['immediate', 'one_visit'],
    visitsRequired: 1,
    visitsReason: '与不动产转移登记同窗一次办理，双方到场核验身份',
    onlineDepth: 5,
    legalBasis: '《中华人民共和国契税法》第九条、第十条',
    conditions: '在本县境内转移土地、房屋权属的承受人',
    steps: immediateSteps(),
    specialProcedures: [],
    fees: [],
    result: { name: '契税完税凭证', kind: 'document' },
    location: location('二楼大厅22号税务窗口（不动产交易）'),
    faq: [{ q: '首套房契税能减免吗？', a: '个人购买家庭唯一住房按规定享受减按1%或1.5%税率征收的优惠。' }],
    themes: ['不动产', '纳税缴费'],
    materials: [idCard('承受人'), mat('不动产买卖合同', { copies: 1 }), mat('不动产权属转移相关证明')],
  },
];
