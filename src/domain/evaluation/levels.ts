import { AppError } from '../errors';

/**
 * The vocabulary of 好差评 (国办发〔2019〕51号; GB/T 39734-2020): five levels, the channels an evaluation
 * arrives by, and the indicator sets. Inside OneWindow every level is a semantic word; numeric codes
 * exist only at the edges, because the standards disagree on their direction (domain.md rule 5):
 *
 *   GB/T 39046 附录 A.8:            1 = 非常满意 … 5 = 非常不满意
 *   provincial 好差评 interfaces:   1 = 非常不满意 … 5 = 非常满意   (e.g. Zhejiang's `satisfaction`)
 */

/** Best first. */
export const satisfactionLevels = [
  'very_satisfied', // 非常满意
  'satisfied', // 满意
  'basic', // 基本满意
  'dissatisfied', // 不满意
  'very_dissatisfied', // 非常不满意
] as const;
export type SatisfactionLevel = (typeof satisfactionLevels)[number];

/** 差评 = the bottom two levels; only these open a rectification (整改) record. */
export const badLevels: readonly SatisfactionLevel[] = ['dissatisfied', 'very_dissatisfied'];
export const isBadReview = (level: SatisfactionLevel): boolean => badLevels.includes(level);

/** Stars for averages and the tablet's faces: 非常满意 = 5 … 非常不满意 = 1. */
export const levelScore = (level: SatisfactionLevel): number => 5 - satisfactionLevels.indexOf(level);

export type LevelCodeSystem = 'gbt39046' | 'provincial';

/** The numeric code of a level in one code system (only ever used when exchanging data). */
export function levelToCode(level: SatisfactionLevel, system: LevelCodeSystem): number {
  const rank = satisfactionLevels.indexOf(level) + 1; // 1 = 非常满意
  return system === 'gbt39046' ? rank : 6 - rank;
}

/** The level a code of one code system means; an unknown code is refused, never guessed. */
export function levelFromCode(code: number | string, system: LevelCodeSystem): SatisfactionLevel {
  const n = typeof code === 'string' && /^\s*\d+\s*$/.test(code) ? Number(code) : code;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 5) {
    throw new AppError('EVALUATION_LEVEL_CODE_UNKNOWN', { code: String(code), system });
  }
  const rank = system === 'gbt39046' ? n : 6 - n;
  return satisfactionLevels[rank - 1]!;
}

/**
 * Channels (评价渠道). The national 好差评 interface codes `pf` as 1 PC端, 2 移动端, 3 二维码,
 * 4 政务大厅平板电脑 (评价器), 5 其他终端, 6 电话, 7 短信; "system default" has no code of its own
 * in GB/T 39046 表9 and is exchanged as 7 in the variant that uses it, so it travels with the
 * evaluation's is-default flag instead of a channel code of ours.
 */
export const evaluationChannels = [
  'window_device', // 评价器 at the window
  'web', // 网上办事大厅 (PC)
  'mobile', // 移动端
  'qr', // 二维码 on a notice
  'sms', // 短信链接
  'phone', // 电话回访
  'kiosk', // 自助终端 / 其他终端
  'default', // 系统默认评价
] as const;
export type EvaluationChannel = (typeof evaluationChannels)[number];

export const channelNationalCode: Readonly<Record<EvaluationChannel, number>> = {
  web: 1,
  mobile: 2,
  qr: 3,
  window_device: 4,
  kiosk: 5,
  phone: 6,
  sms: 7,
  default: 7,
};

/** Indicator sets of one provincial specification; content is version-managed, not edited locally. */
export const offlineIndicators = [
  'overall',
  'service_efficiency',
  'service_level',
  'service_attitude',
] as const;
export const onlineIndicators = [
  'overall',
  'handling_efficiency',
  'guide_accuracy',
  'convenience',
  'platform_usability',
] as const;
export type Indicator = (typeof offlineIndicators)[number] | (typeof onlineIndicators)[number];

/** The indicator set a channel asks: on-site channels ask the offline set, the rest the online one. */
export const indicatorsForChannel = (channel: EvaluationChannel): readonly Indicator[] =>
  channel === 'window_device' || channel === 'kiosk' || channel === 'phone'
    ? offlineIndicators
    : onlineIndicators;

/** 首次评价 and 追评 (GB/T 39046 表9 评价次数 n..2; interfaces code them 1 and 2). */
export const evaluationRounds = ['first', 'followup'] as const;
export type EvaluationRound = (typeof evaluationRounds)[number];
export const roundCode = (round: EvaluationRound): 1 | 2 => (round === 'first' ? 1 : 2);
