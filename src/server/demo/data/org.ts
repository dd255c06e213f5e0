import type { DemoApplicant, DemoDepartment, DemoOrg, DemoWindow } from './types';
import { CHIHE, COUNTY, LUQIAO, demoCenters } from './org.centers';
import { demoStaff } from './org.staff';

/**
 * The demo organisation: 云溪县 is a fictional county. Its layout follows the seed documents — a
 * county hall with 全岗通 comprehensive windows next to department windows (seed 003), 规土 moved
 * upstairs beside the 房产 windows for 两证齐发 (seed 004), township 便民服务中心 and village
 * 便民服务室 forming the county → township → village network (seed 002; the township names 炉桥、池河
 * and the village names 黄龙、冉家营、柳树沟、石桥沟 are taken from it).
 *
 * Every phone number is made up; see org.centers.ts for why the region code is not a real one.
 */

/**
 * Departments stationed in the county hall. Credit codes: 11 = 机关, 12 = 事业单位 (the registration
 * centre is a public institution under 自然资源和规划局), 13 = 群团 (残联); then the region code,
 * the 9-character organisation code (GB 11714 check) and the GB 32100 check character.
 */
const dept = (code: string, name: string, shortName: string, creditCode: string, phone: string) =>
  ({ code, name, shortName, centerCode: COUNTY, creditCode, phone }) satisfies DemoDepartment;

export const demoDepartments: DemoDepartment[] = [
  dept('GA', '云溪县公安局', '公安', '113499010030120156', '0550-7012301'),
  dept('SCJG', '云溪县市场监督管理局', '市场监管', '11349901MB0312A08H', '0550-7012302'),
  dept('RS', '云溪县人力资源和社会保障局', '人社', '113499010030130502', '0550-7012303'),
  dept('YB', '云溪县医疗保障局', '医保', '11349901MB0318B27H', '0550-7012304'),
  dept('MZ', '云溪县民政局', '民政', '113499010030140960', '0550-7012305'),
  dept('WJ', '云溪县卫生健康委员会', '卫健', '11349901MB0315C68Q', '0550-7012306'),
  dept('CL', '云溪县残疾人联合会', '残联', '13349901003022109Q', '0550-7012307'),
  dept('BDC', '云溪县不动产登记中心', '不动产登记', '12349901MB1826D856', '0550-7012308'),
  dept('ZRZY', '云溪县自然资源和规划局', '自然资源和规划', '11349901MB0317E154', '0550-7012309'),
  dept('ZJ', '云溪县住房和城乡建设局', '住建', '11349901003015080K', '0550-7012310'),
  dept('SW', '国家税务总局云溪县税务局', '税务', '11349901MB0320F34X', '0550-7012311'),
];

const HALL_1 = '一楼大厅';
const HALL_2 = '二楼大厅';

/** [number, name, department (null = comprehensive), hall] */
type WindowRow = [string, string, string | null, string];
const countyWindowRows: WindowRow[] = [
  // Six 全岗通 comprehensive windows (seed 003: 17 department windows merged into 6).
  ['1', '综合受理窗口（企业开办）', null, HALL_1],
  ['2', '综合受理窗口（企业开办）', null, HALL_1],
  ['3', '综合受理窗口（社会事务）', null, HALL_1],
  ['4', '综合受理窗口（社会事务）', null, HALL_1],
  ['5', '综合受理窗口（工程建设）', null, HALL_1],
  ['6', '综合出件窗口', null, HALL_1],
  ['7', '公安户政窗口', 'GA', HALL_1],
  ['8', '公安出入境窗口', 'GA', HALL_1],
  ['9', '市场监管窗口（登记注册）', 'SCJG', HALL_1],
  ['10', '市场监管窗口（食品药品）', 'SCJG', HALL_1],
  ['11', '人社窗口', 'RS', HALL_1],
  ['12', '社会保障卡服务窗口', 'RS', HALL_1],
  ['13', '医保窗口', 'YB', HALL_1],
  ['14', '民政窗口', 'MZ', HALL_1],
  ['15', '卫生健康窗口', 'WJ', HALL_1],
  ['16', '残联窗口', 'CL', HALL_1],
  // Upstairs: registration, planning and the tax windows side by side (seed 004: 两证齐发).
  ['17', '不动产登记窗口', 'BDC', HALL_2],
  ['18', '不动产登记窗口', 'BDC', HALL_2],
  ['19', '自然资源和规划窗口', 'ZRZY', HALL_2],
  ['20', '住建窗口', 'ZJ', HALL_2],
  ['21', '税务窗口', 'SW', HALL_2],
  ['22', '税务窗口（不动产交易）', 'SW', HALL_2],
];

const toWindow =
  (centerCode: string, phonePrefix: string) =>
  ([number, name, departmentCode, hall]: WindowRow, i: number): DemoWindow => ({
    centerCode,
    number,
    name,
    kind: departmentCode ? 'department' : 'comprehensive',
    departmentCode,
    hall,
    phone: `${phonePrefix}${String(i + 1).padStart(2, '0')}`,
  });

export const demoWindows: DemoWindow[] = [
  ...countyWindowRows.map(toWindow(COUNTY, '0550-70124')),
  ...(
    [
      ['1', '综合受理窗口', null, '便民服务大厅'],
      ['2', '社保民政综合窗口', null, '便民服务大厅'],
    ] satisfies WindowRow[]
  ).map(toWindow(LUQIAO, '0550-72610')),
  ...([['1', '综合受理窗口', null, '便民服务大厅']] satisfies WindowRow[]).map(toWindow(CHIHE, '0550-72820')),
  ...demoCenters
    .filter((c) => c.level === 'village')
    .map((c): DemoWindow => ({
      centerCode: c.code,
      number: '1',
      name: '便民服务室受理台',
      kind: 'comprehensive',
      departmentCode: null,
      hall: '便民服务室',
      phone: c.phone,
    })),
];

/** Applicant accounts; `zhangsan` and `qiye` are the ones the README lists. */
export const demoApplicants: DemoApplicant[] = [
  {
    username: 'zhangsan',
    kind: 'person',
    name: '张三',
    idType: 'resident_id',
    idNumber: '34990119850315123X',
    phone: '13855001234',
  },
  {
    // An elderly villager: the 代办 (proxy handling) stories use her.
    username: 'lisi',
    kind: 'person',
    name: '李秀英',
    idType: 'resident_id',
    idNumber: '349901195207082467',
    phone: '13855005678',
  },
  {
    username: 'qiye',
    kind: 'enterprise',
    name: '云溪县绿源农产品有限公司',
    idType: 'credit_code',
    idNumber: '91349901MA2Q7K3N4M',
    phone: '0550-7355888',
  },
  {
    username: 'hezuoshe',
    kind: 'enterprise',
    name: '云溪县黄龙村茶叶种植专业合作社',
    idType: 'credit_code',
    idNumber: '93349901MA2R8L5P27',
    phone: '13855009876',
  },
];

export const demoOrg: DemoOrg = {
  centers: demoCenters,
  departments: demoDepartments,
  windows: demoWindows,
  staff: demoStaff,
  applicants: demoApplicants,
};
