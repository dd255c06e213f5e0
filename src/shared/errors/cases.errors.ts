import type { ErrorCatalog } from './types';

/**
 * Errors of the case state machine, fees and identity numbers. The case messages take both
 * languages' labels as params (see `src/shared/cases/labels.ts`: transitionErrorParams, …) because
 * one template per language is filled from the same params.
 */
export const casesErrors = {
  CASE_INVALID_TRANSITION: {
    status: 409,
    zh: '当前状态为「{stateLabelZh}」，不能执行「{actionLabelZh}」',
    en: 'The case is "{stateLabelEn}": you cannot {actionLabelEn} now',
  },
  CASE_ROLE_NOT_ALLOWED: {
    status: 403,
    zh: '「{roleLabelZh}」不能执行「{actionLabelZh}」',
    en: 'The role "{roleLabelEn}" may not {actionLabelEn}',
  },
  CASE_REASON_REQUIRED: {
    status: 400,
    zh: '执行「{actionLabelZh}」必须填写理由',
    en: 'A reason is required to {actionLabelEn}',
  },
  CASE_SUPPLEMENT_LIST_REQUIRED: {
    status: 400,
    zh: '补正告知必须一次性列出全部需要补正的材料',
    en: 'A supplement notice must list all the missing materials at once',
  },
  CASE_INVALID_STEP: {
    status: 400,
    zh: '不能退回到第 {step} 个环节（当前为第 {current} 个环节）',
    en: 'Cannot return to step {step} (the case is at step {current})',
  },
  CASE_FEE_REASON_REQUIRED: {
    status: 400,
    zh: '实收金额 {charged} 元与收费标准 {standard} 元不一致，必须说明原因',
    en: 'The fee charged ({charged} yuan) differs from the standard ({standard} yuan): a reason is required',
  },
  INVALID_ID_NUMBER: { status: 400, zh: '居民身份证号码校验不通过', en: 'Not a valid resident ID number' },
  INVALID_CREDIT_CODE: {
    status: 400,
    zh: '统一社会信用代码校验不通过',
    en: 'Not a valid unified social credit code',
  },
} as const satisfies ErrorCatalog;
