import type { ErrorCatalog } from './types';

/**
 * Errors of case handling at the window and in the departments (the service layer around the case
 * transition table, whose own errors are in `cases.errors.ts`).
 */
export const caseHandlingErrors = {
  CASE_ITEM_NOT_IN_FORCE: {
    status: 409,
    zh: '该事项当前没有生效的版本，不能收件',
    en: 'This item has no version in force: cases cannot be received for it',
  },
  CASE_ITEM_LEVEL: {
    status: 409,
    zh: '「{item}」不能在本级（{levelZh}）受理',
    en: '"{item}" cannot be accepted at this level ({levelEn})',
  },
  CASE_MATERIAL_UNKNOWN: {
    status: 400,
    zh: '材料「{key}」不在该事项的材料清单中',
    en: 'Material "{key}" is not on the item\'s list',
  },
  CASE_MATERIAL_NOT_DEFERRABLE: {
    status: 400,
    zh: '「{name}」不是容缺材料，不能先受理后补交',
    en: '"{name}" is not a deferrable material: it cannot be supplied after acceptance',
  },
  CASE_MATERIALS_MISSING: {
    status: 409,
    zh: '材料不齐全，不能受理：{names}（请一次性告知补正）',
    en: 'Materials are missing, the case cannot be accepted: {names} (request a supplement)',
  },
  CASE_NOTHING_TO_SUPPLY: {
    status: 409,
    zh: '没有待补交的材料',
    en: 'No material is waiting to be supplied',
  },
  CASE_FEE_UNKNOWN: {
    status: 400,
    zh: '收费项目「{name}」不在该事项的收费标准中',
    en: 'Fee "{name}" is not one of the item\'s fee standards',
  },
  CASE_STEP_ROLE: {
    status: 403,
    zh: '当前环节「{step}」应由「{roleLabelZh}」办理',
    en: 'The current step "{step}" is handled by the role "{roleLabelEn}"',
  },
  CASE_BUNDLE_NOT_READY: {
    status: 409,
    zh: '联办件尚有 {pending} 件未办结，须全部办结后一次领取',
    en: '{pending} linked case(s) are not concluded yet: the results are handed over together',
  },
} as const satisfies ErrorCatalog;
