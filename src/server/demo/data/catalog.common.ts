import type { DemoItem, DemoItemStep, DemoMaterial, ItemTypeCode, TimeLimit } from './types';
import { demoDepartments } from './org';

/** Small builders shared by the catalog files, so each item reads as its guide (办事指南) would. */

export const wd = (amount: number): TimeLimit => ({ amount, unit: 'workday' });
export const days = (amount: number): TimeLimit => ({ amount, unit: 'day' });
/** The promised limit of every 即办件: concluded on the working day of acceptance. */
export const SAME_DAY: TimeLimit = wd(0);

/** When no statute sets a limit, the legal limit field repeats the limit the center first published. */
export const NO_STATUTORY_LIMIT = '法律法规未规定办理时限，本栏填报本中心首次公开承诺的时限';

/** Hall hours (seed 001: 8:30—11:30, 14:00—17:30). */
export const HOURS = '周一至周五 上午8:30—11:30，下午14:00—17:30（法定节假日除外）';
/** Police windows never close (seed 001: 公安窗口全年无休, weekend and holiday duty hours). */
export const POLICE_HOURS = `${HOURS}；周六、周日及法定节假日值班 上午9:00—11:00，下午14:00—16:00`;
/** Marriage registration also opens on Saturdays (seed 004: 周末便民服务). */
export const MARRIAGE_HOURS = `${HOURS}；周六全天 上午9:00—11:30，下午14:00—17:00`;

/** 12345 政务服务便民热线 takes complaints about every item. */
export const COMPLAINT_PHONE = '12345';

/** What most items of one department share: exercised and accepted at the county, its phone, 12345. */
export const defaultsFor = (
  departmentCode: string,
  hours = HOURS,
): Pick<DemoItem, 'exerciseLevel' | 'acceptLevels' | 'hours' | 'phone' | 'complaintPhone'> => ({
  exerciseLevel: 'county',
  acceptLevels: ['county'],
  hours,
  phone: phoneOf(departmentCode),
  complaintPhone: COMPLAINT_PHONE,
});
/** 就近办: accepted at the county, the township centers and the village rooms. */
export const ALL_LEVELS: DemoItem['acceptLevels'] = ['county', 'township', 'village'];

export const location = (where: string) => `云溪县政务服务中心${where}`;
export const NEARBY = '，也可就近到镇便民服务中心、村便民服务室提交申请';

export const phoneOf = (departmentCode: string): string => {
  const d = demoDepartments.find((x) => x.code === departmentCode);
  if (!d) throw new Error(`demo catalog: unknown department ${departmentCode}`);
  return d.phone;
};

/**
 * 基本编码 (12 characters: type + department number + sequence + '000' for "no sub-item") and
 * 实施编码 (the implementing body's credit code + the basic code + a 3-digit 业务办理项), shaped like
 * the national codes but opaque to the software (domain-facts §1.2: never parse them).
 */
export const itemCodes = (departmentCode: string, itemType: ItemTypeCode, seq: number) => {
  const index = demoDepartments.findIndex((x) => x.code === departmentCode);
  const d = demoDepartments[index];
  if (!d) throw new Error(`demo catalog: unknown department ${departmentCode}`);
  const basicCode = `${itemType}${String(index + 1).padStart(3, '0')}${String(seq).padStart(4, '0')}000`;
  return { basicCode, implCode: `${d.creditCode}${basicCode}001`, departmentCode, itemType };
};

/** A material with the common defaults: one paper original, mandatory, brought by the applicant. */
export const mat = (name: string, more: Partial<DemoMaterial> = {}): DemoMaterial => ({
  name,
  originals: 1,
  copies: 0,
  form: 'paper',
  necessity: 'mandatory',
  source: 'applicant',
  ...more,
});

/** Identity documents already in the electronic licence library are fetched, not photocopied. */
export const idCard = (who = '申请人', more: Partial<DemoMaterial> = {}): DemoMaterial =>
  mat(`${who}居民身份证`, { form: 'both', source: 'e_license', notes: '现场核验原件，免交复印件', ...more });
export const businessLicense = (more: Partial<DemoMaterial> = {}): DemoMaterial =>
  mat('营业执照', { form: 'electronic', source: 'e_license', notes: '通过电子证照库调取', ...more });
export const form = (name: string, more: Partial<DemoMaterial> = {}): DemoMaterial =>
  mat(name, { form: 'both', notes: '可网上填报；窗口可免费代为填写打印', ...more });

/** 本人办理 / 委托代理: the second situation adds the power of attorney and the agent's ID. */
export const AGENT_SITUATIONS = [
  { code: 'self', name: '本人办理' },
  { code: 'agent', name: '委托他人办理' },
];
export const agentMaterials = (): DemoMaterial[] => [
  mat('授权委托书', { situation: 'agent' }),
  idCard('受托人', { situation: 'agent' }),
];

export const step = (name: string, role: DemoItemStep['role'], amount: number): DemoItemStep => ({
  name,
  role,
  limit: wd(amount),
});
export const stepDays = (name: string, role: DemoItemStep['role'], amount: number): DemoItemStep => ({
  name,
  role,
  limit: days(amount),
});
/** 即办件 chain: the window accepts, the decider concludes on the spot (一审一核). */
export const immediateSteps = (decider: DemoItemStep['role'] = 'officer'): DemoItemStep[] => [
  step('受理', 'officer', 0),
  step(decider === 'officer' ? '审核办结' : '审核决定', decider, 0),
];
