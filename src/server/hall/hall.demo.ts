import { DEFAULT_ANNOUNCEMENT, defaultPriorityWeights } from '../../domain/queue';
import type { DemoStep } from '../demo/demo-context';
import { insertDemoHistory } from './hall.demo-history';
import * as repo from './hall.repository';

/**
 * The demo halls of 云溪县政务服务中心 (after the catalog step): 一楼大厅 with the 全岗通
 * comprehensive windows and the department windows, 二楼大厅 with registration, planning, housing
 * and tax (seed 004). One ticket category per stationed department, bound to its catalog items;
 * market registration and food/drug licences queue separately, as their windows do. Two weeks of
 * past tickets feed the statistics.
 */
interface DemoCategory {
  prefix: string;
  name: string;
  hall: string;
  departments: string[];
  /** Optional filter on the item name within the departments. */
  match?: RegExp;
  exclude?: RegExp;
  minutes: number;
  description: string;
}

const HALL_1 = '一楼大厅';
const HALL_2 = '二楼大厅';

const categories: DemoCategory[] = [
  {
    prefix: 'A',
    name: '企业开办',
    hall: HALL_1,
    departments: ['SCJG'],
    match: /登记/,
    minutes: 15,
    description: '公司、个体工商户、合作社设立变更注销',
  },
  {
    prefix: 'B',
    name: '食品药品许可',
    hall: HALL_1,
    departments: ['SCJG'],
    exclude: /登记/,
    minutes: 12,
    description: '食品经营、药品零售许可',
  },
  {
    prefix: 'C',
    name: '户政出入境',
    hall: HALL_1,
    departments: ['GA'],
    minutes: 8,
    description: '户口、居民身份证、出入境证件',
  },
  {
    prefix: 'D',
    name: '人社业务',
    hall: HALL_1,
    departments: ['RS'],
    minutes: 7,
    description: '社保参保、社保卡、就业创业',
  },
  {
    prefix: 'E',
    name: '医保业务',
    hall: HALL_1,
    departments: ['YB'],
    minutes: 6,
    description: '参保登记、异地就医备案、报销',
  },
  {
    prefix: 'F',
    name: '民政业务',
    hall: HALL_1,
    departments: ['MZ'],
    minutes: 10,
    description: '婚姻登记、救助、养老服务',
  },
  {
    prefix: 'G',
    name: '卫生健康',
    hall: HALL_1,
    departments: ['WJ'],
    minutes: 9,
    description: '医疗机构、生育服务',
  },
  {
    prefix: 'H',
    name: '残疾人服务',
    hall: HALL_1,
    departments: ['CL'],
    minutes: 9,
    description: '残疾人证、康复救助',
  },
  {
    prefix: 'J',
    name: '不动产登记',
    hall: HALL_2,
    departments: ['BDC'],
    minutes: 20,
    description: '首次、转移、抵押登记（两证齐发）',
  },
  {
    prefix: 'K',
    name: '规划与自然资源',
    hall: HALL_2,
    departments: ['ZRZY'],
    minutes: 15,
    description: '规划许可、用地审批',
  },
  {
    prefix: 'L',
    name: '住房建设',
    hall: HALL_2,
    departments: ['ZJ'],
    minutes: 15,
    description: '施工许可、商品房预售',
  },
  {
    prefix: 'M',
    name: '税务',
    hall: HALL_2,
    departments: ['SW'],
    minutes: 8,
    description: '不动产交易税费、发票',
  },
];

export const hallDemoStep: DemoStep = async (tx, ctx) => {
  const county = ctx.centerIds.get('yunxi')!;
  const items = await tx.query<{ id: string; code: string; name: string }>(
    `SELECT i.id, d.code, v.name FROM items i JOIN departments d ON d.id = i.department_id
     JOIN item_versions v ON v.id = i.current_version_id WHERE i.center_id = $1 ORDER BY i.impl_code`,
    [county],
  );
  const halls = new Map<string, string>();
  for (const name of [HALL_1, HALL_2]) {
    halls.set(
      name,
      await repo.insertHall(tx, {
        centerId: county,
        name,
        template: DEFAULT_ANNOUNCEMENT,
        notice:
          name === HALL_1
            ? '请按叫号顺序办理；老年人、残疾人、军人、孕妇请到引导台核验后优先办理。午间 11:30–14:00 综合窗口轮岗不休。'
            : '不动产登记、交易纳税在本层一窗受理，两证齐发请到 17、18 号窗口。',
        maxRecalls: 3,
        maxRequeues: 1,
        weights: { ...defaultPriorityWeights },
        now: ctx.now,
      }),
    );
  }
  const created: { id: string; prefix: string; hall: string; minutes: number }[] = [];
  for (const [i, c] of categories.entries()) {
    const ids = items
      .filter(
        (x) =>
          c.departments.includes(x.code) && (!c.match || c.match.test(x.name)) && !c.exclude?.test(x.name),
      )
      .map((x) => x.id);
    if (ids.length === 0) continue;
    const hallId = halls.get(c.hall)!;
    const id = await repo.insertCategory(tx, {
      centerId: county,
      hallId,
      prefix: c.prefix,
      name: c.name,
      description: c.description,
      numberFrom: 1,
      numberTo: 999,
      dailyReset: true,
      dailyCap: 300,
      expectedServiceMinutes: c.minutes,
      sort: i,
      active: true,
      now: ctx.now,
    });
    await repo.setCategoryItems(tx, id, county, ids);
    created.push({ id, prefix: c.prefix, hall: hallId, minutes: c.minutes });
  }
  await insertDemoHistory(tx, {
    centerId: county,
    hallId: halls.get(HALL_1)!,
    now: ctx.now,
    categories: created,
  });
};
