import type { StaffRole } from '../../../shared/contracts/roles';

/**
 * Shapes of the demo data: plain values, no database ids. References between records use the
 * human codes (center code, department code, window number, username); the loader resolves them.
 */

/** A staff role; the same list as the shared contract (applicants are not staff). */
export type Role = StaffRole;

export type CenterLevel = 'county' | 'township' | 'village';

export interface DemoCenter {
  code: string;
  name: string;
  level: CenterLevel;
  /** The parent center's code; null only for the county center. Parents are listed before children. */
  parentCode: string | null;
  /** GB/T 2260 style: 6 digits for the county, 9 for a township, 12 for a village. */
  regionCode: string;
  address: string;
  phone: string;
}

/** 进驻单位: a department stationed in a center. Codes are unique across all centers. */
export interface DemoDepartment {
  code: string;
  name: string;
  shortName: string;
  centerCode: string;
  /** 统一社会信用代码 (GB 32100), 18 characters with a valid check character. */
  creditCode: string;
  phone: string;
}

export interface DemoWindow {
  centerCode: string;
  /** Unique within its center, e.g. '3'. */
  number: string;
  name: string;
  /** A comprehensive window (综合窗口, 全岗通) belongs to no department. */
  kind: 'department' | 'comprehensive';
  departmentCode: string | null;
  hall: string;
  phone: string;
}

export interface DemoStaff {
  /** Login name; unique across staff and applicants. */
  username: string;
  name: string;
  centerCode: string;
  departmentCode: string | null;
  /** 岗位 as printed on the badge: 受理员, 首席代表, 科长, 督查员, 引导员, … */
  post: string;
  roles: Role[];
  /** 挂牌上岗 badge number, unique within the center. */
  badgeNumber: string;
  phone: string;
  windowNumber: string | null;
  /** AB岗: username of the A post this person (the B post) stands in for. */
  backupOf: string | null;
  gender: 'male' | 'female';
}

export interface DemoApplicant {
  username: string;
  kind: 'person' | 'enterprise';
  name: string;
  idType: 'resident_id' | 'credit_code';
  /** GB 11643 (MOD 11-2) for people, GB 32100 for enterprises; check characters are valid. */
  idNumber: string;
  phone: string;
}

export interface DemoOrg {
  centers: DemoCenter[];
  departments: DemoDepartment[];
  windows: DemoWindow[];
  staff: DemoStaff[];
  applicants: DemoApplicant[];
}

// ---------------------------------------------------------------------------------------------
// Catalog (事项实施清单)
// ---------------------------------------------------------------------------------------------

/** 工作日 / 自然日 / 工作小时. */
export type TimeUnit = 'workday' | 'day' | 'workhour';
export interface TimeLimit {
  amount: number;
  unit: TimeUnit;
}

/** GB/T 39046 附录 A.1 事项类型 codes used by the demo. */
export type ItemTypeCode = '01' | '04' | '05' | '07' | '10' | '20';

/**
 * 办理方式 labels of the seed county's published list (现场前置 / 马上办 / 网上办 / 就近办 / 不见面 /
 * 跑一次). An item may carry several.
 */
export type HandlingMode =
  'onsite_prerequisite' | 'immediate' | 'online' | 'nearby' | 'no_visit' | 'one_visit';

/** 特别程序 (行政许可法 第45条): time spent in them is not counted in the limit. */
export type SpecialProcedure =
  '听证' | '招标' | '拍卖' | '检验' | '检测' | '检疫' | '鉴定' | '专家评审' | '现场核查';

export interface DemoItemStep {
  name: string;
  role: 'officer' | 'chief_rep' | 'approver';
  /** Same unit as the item's promised limit; the steps together fit in it. */
  limit: TimeLimit;
}

export interface DemoFee {
  name: string;
  /** Yuan per unit named in `name`; 0 = free. */
  standard: number;
  basis: string;
  reductions?: string;
}

export interface DemoMaterial {
  name: string;
  originals: number;
  copies: number;
  form: 'paper' | 'electronic' | 'both';
  /** 'deferrable' = 容缺后补: accepted now, supplied later. */
  necessity: 'mandatory' | 'optional' | 'deferrable';
  /** 'e_license' = fetched from the electronic licence library, the applicant brings nothing. */
  source: 'applicant' | 'government' | 'e_license';
  notes?: string;
  /** Code of the 办理情形 that requires this material; absent = always required. */
  situation?: string;
}

export interface DemoItem {
  /** 基本编码 and 实施编码: opaque strings (≤ 50), never parsed. */
  basicCode: string;
  implCode: string;
  name: string;
  departmentCode: string;
  itemType: ItemTypeCode;
  exerciseLevel: CenterLevel;
  /** Levels whose centers may accept the item (就近办: township centers, village rooms). */
  acceptLevels: CenterLevel[];
  /**
   * 'immediate' (即办件) items carry a promised limit of 0 working days: decided on the day of
   * acceptance (the acceptance day itself is not counted, so 0 means "the same working day").
   */
  caseType: 'immediate' | 'promised';
  legalLimit: TimeLimit;
  /** ≤ legalLimit, in the same unit. */
  promisedLimit: TimeLimit;
  /** The promised limit before the center's last clean-up (审批提速), for the compression report. */
  previousPromisedLimit?: TimeLimit;
  /** Why the legal limit reads as it does, when no statute sets one (法定时限说明). */
  legalLimitNote?: string;
  handlingModes: HandlingMode[];
  /** 到办事现场次数 (0 = 不见面, ≤ 1 = 最多跑一次). */
  visitsRequired: number;
  /** 必须现场办理原因说明; required when visitsRequired > 0. */
  visitsReason?: string;
  /** 网上办理深度 1 互联网咨询 … 7 互联网电子证照反馈. */
  onlineDepth: number;
  legalBasis: string;
  conditions: string;
  steps: DemoItemStep[];
  specialProcedures: SpecialProcedure[];
  fees: DemoFee[];
  result: { name: string; kind: 'certificate' | 'document' | 'approval' };
  location: string;
  hours: string;
  phone: string;
  complaintPhone: string;
  faq: { q: string; a: string }[];
  themes: string[];
  materials: DemoMaterial[];
  /** 办理情形 that select materials (材料按情形组合). */
  situations?: { code: string; name: string }[];
}
