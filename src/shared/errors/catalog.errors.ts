import type { ErrorCatalog } from './types';

/**
 * Errors of the service catalog: version workflow, campaigns, import. Status labels come in both
 * languages as params (`statusZh`, `statusEn`) because one template per language is filled from them.
 */
export const catalogErrors = {
  CATALOG_VERSION_NOT_EDITABLE: {
    status: 409,
    zh: '只有草稿可以修改（当前状态：{statusZh}）',
    en: 'Only a draft can be edited (the version is {statusEn})',
  },
  CATALOG_INVALID_TRANSITION: {
    status: 409,
    zh: '当前状态为「{statusZh}」，不能执行「{actionZh}」',
    en: 'The version is {statusEn}: you cannot {actionEn} it now',
  },
  CATALOG_OPEN_VERSION_EXISTS: {
    status: 409,
    zh: '该事项已有正在办理的第 {versionNo} 版（{statusZh}），请先完成或取消',
    en: 'Version {versionNo} of this item is still open ({statusEn}): finish or cancel it first',
  },
  CATALOG_NOT_REVIEWER: {
    status: 403,
    zh: '只有本部门的审批人或首席代表可以进行部门审核',
    en: "Only an approver or chief representative of the item's department may review it",
  },
  CATALOG_COMMENT_REQUIRED: {
    status: 400,
    zh: '退回或取消必须填写意见',
    en: 'Returning or cancelling needs a comment',
  },
  CATALOG_VERSION_SCHEDULED: {
    status: 409,
    zh: '第 {versionNo} 版已定于 {date} 生效，同一时间只能安排一个未来生效的版本',
    en: 'Version {versionNo} already takes effect on {date}: only one future version may be scheduled',
  },
  CATALOG_CAMPAIGN_INVALID_TRANSITION: {
    status: 409,
    zh: '清理工作当前为「{statusZh}」，不能执行「{actionZh}」',
    en: 'The campaign is {statusEn}: you cannot {actionEn} it now',
  },
  CATALOG_CAMPAIGN_NOT_ACTIVE: {
    status: 409,
    zh: '该清理工作未在进行中，不能加入事项',
    en: 'The campaign is not active: items cannot join it',
  },
  CATALOG_PHASE_OPEN_ITEMS: {
    status: 409,
    zh: '本阶段还有 {count} 个事项未完成审核发布，不能结束',
    en: 'This phase still has {count} item(s) under review: it cannot be completed',
  },
  CATALOG_FILE_TYPE: {
    status: 415,
    zh: '只能上传 PDF、Word、Excel 或图片（PNG/JPEG）文件',
    en: 'Only PDF, Word, Excel or image (PNG/JPEG) files can be attached',
  },
  CATALOG_IMPORT_NOT_XLSX: {
    status: 415,
    zh: '文件不是有效的 Excel（.xlsx）文件',
    en: 'The file is not a valid Excel (.xlsx) workbook',
  },
  CATALOG_IMPORT_NOT_JSON: {
    status: 400,
    zh: '文件不是有效的事项清单 JSON',
    en: 'The file is not a valid catalog JSON document',
  },
  CATALOG_IMPORT_NO_FILE: {
    status: 400,
    zh: '请上传一个文件',
    en: 'Upload one file',
  },
  CATALOG_IMPORT_EMPTY: {
    status: 400,
    zh: '文件中没有事项',
    en: 'The file contains no items',
  },
  CATALOG_IMPORT_REJECTED: {
    status: 422,
    zh: '文件中有 {count} 行不符合要求，未导入任何数据',
    en: '{count} row(s) of the file were rejected: nothing was imported',
  },
} as const satisfies ErrorCatalog;
