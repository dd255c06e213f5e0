import type { DemoItem } from './types';
import {
  ALL_LEVELS,
  NEARBY,
  NO_STATUTORY_LIMIT,
  defaultsFor,
  form,
  idCard,
  itemCodes,
  location,
  mat,
  step,
  wd,
} from './catalog.common';

/**
 * 残联 (window 16). The disability assessment by a designated hospital is an appraisal (鉴定): a
 * special procedure whose duration is not counted in the promised limit.
 */

const common = defaultsFor('CL');
const CL_WINDOW = location('一楼大厅3—4号综合受理窗口（社会事务）、16号残联窗口');
const BASIS = '《中华人民共和国残疾人保障法》；《中华人民共和国残疾人证管理办法》';

export const clItems: DemoItem[] = [
  {
    ...common,
    ...itemCodes('CL', '20', 1),
    name: '残疾人证新办',
    acceptLevels: ALL_LEVELS,
    caseType: 'promised',
    legalLimit: wd(30),
    legalLimitNote: NO_STATUTORY_LIMIT,
    promisedLimit: wd(15),
    previousPromisedLimit: wd(30),
    handlingModes: ['nearby', 'one_visit'],
    visitsRequired: 1,
    visitsReason: '须本人到指定医院接受残疾评定；行动不便的可申请上门评定',
    onlineDepth: 3,
    legalBasis: BASIS,
    conditions: '符合残疾标准的视力、听力、言语、肢体、智力、精神及多重残疾人',
    steps: [step('受理', 'officer', 1), step('评定结果审核', 'approver', 7), step('审批制证', 'approver', 7)],
    specialProcedures: ['鉴定'],
    fees: [],
    result: { name: '中华人民共和国残疾人证', kind: 'certificate' },
    location: `${CL_WINDOW}${NEARBY}`,
    faq: [
      { q: '评定要花钱吗？', a: '困难残疾人评定费用按规定减免。' },
      { q: '评定的时间算在15个工作日里吗？', a: '不算，医院评定属于鉴定程序，期间停止计时。' },
    ],
    themes: ['残疾人服务'],
    materials: [
      form('残疾人证申请表'),
      idCard(),
      mat('居民户口簿'),
      mat('近期二寸免冠白底彩色照片', { originals: 3 }),
    ],
  },
  {
    ...common,
    ...itemCodes('CL', '20', 2),
    name: '残疾人证换领',
    acceptLevels: ALL_LEVELS,
    caseType: 'promised',
    legalLimit: wd(15),
    legalLimitNote: NO_STATUTORY_LIMIT,
    promisedLimit: wd(5),
    previousPromisedLimit: wd(15),
    handlingModes: ['nearby', 'no_visit'],
    visitsRequired: 0,
    onlineDepth: 4,
    legalBasis: BASIS,
    conditions: '残疾人证有效期满、残疾等级变化或证件损坏的',
    steps: [step('受理', 'officer', 1), step('审核制证', 'approver', 4)],
    specialProcedures: [],
    fees: [],
    result: { name: '中华人民共和国残疾人证', kind: 'certificate' },
    location: `${CL_WINDOW}${NEARBY}`,
    faq: [{ q: '换证需要重新评定吗？', a: '残疾状况无变化的无需重新评定，可由村便民服务室代办。' }],
    themes: ['残疾人服务'],
    materials: [idCard(), mat('原残疾人证'), mat('近期二寸免冠白底彩色照片', { originals: 2 })],
  },
];
