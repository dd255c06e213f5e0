import type { ErrorCatalog } from './types';

/**
 * Errors of evaluation (好差评), the 差评 rectification loop, complaints and the 12345 hotline. The
 * *_INVALID_TRANSITION messages take both languages' labels as params (see
 * `src/shared/contracts/evaluation-labels.ts`).
 */
export const evaluationErrors = {
  EVALUATION_LEVEL_CODE_UNKNOWN: {
    status: 400,
    zh: '满意度代码「{code}」在 {system} 代码体系中不存在（应为 1–5）',
    en: 'Satisfaction code "{code}" does not exist in the {system} code system (1–5)',
  },
  EVALUATION_ALREADY_EXISTS: {
    status: 409,
    zh: '该办件已有首次评价，不能再次首次评价（可追评一次）',
    en: 'This case already has its first evaluation (one follow-up is allowed)',
  },
  EVALUATION_FOLLOWUP_WITHOUT_FIRST: {
    status: 409,
    zh: '该办件还没有首次评价，不能追评',
    en: 'This case has no first evaluation yet: a follow-up is not possible',
  },
  EVALUATION_LIMIT_REACHED: {
    status: 409,
    zh: '该办件已完成首次评价和追评，每件最多评价两次',
    en: 'This case already has its first evaluation and its follow-up (two at most)',
  },
  EVALUATION_FOLLOWUP_EXPIRED: {
    status: 409,
    zh: '追评须在首次评价后 {days} 日内进行',
    en: 'A follow-up must be given within {days} days of the first evaluation',
  },
  EVALUATION_CASE_NOT_CONCLUDED: {
    status: 409,
    zh: '办件「{number}」尚未办结，不能评价',
    en: 'Case {number} is not concluded yet: it cannot be evaluated',
  },
  EVALUATION_TICKET_NOT_FINISHED: {
    status: 409,
    zh: '号票「{number}」尚未办理完毕，不能评价',
    en: 'Ticket {number} is not finished yet: it cannot be evaluated',
  },
  EVALUATION_TARGET_REQUIRED: {
    status: 400,
    zh: '评价须指明办件或号票',
    en: 'An evaluation needs a case or a ticket',
  },
  EVALUATION_TAG_REQUIRED: {
    status: 400,
    zh: '选择“不满意”或“非常不满意”时请至少选择一项原因',
    en: 'Choose at least one reason for a negative rating',
  },
  EVALUATION_INVITATION_INVALID: {
    status: 404,
    zh: '评价链接无效或已过期',
    en: 'This evaluation link is invalid or has expired',
  },
  EVALUATION_DEVICE_UNKNOWN: {
    status: 404,
    zh: '评价器未绑定或已停用，请联系管理员',
    en: 'This evaluator is not bound or was disabled: contact the administrator',
  },
  RECTIFICATION_INVALID_TRANSITION: {
    status: 409,
    zh: '整改记录当前为「{stateLabelZh}」，不能执行「{actionLabelZh}」',
    en: 'The rectification record is "{stateLabelEn}": you cannot {actionLabelEn} now',
  },
  RECTIFICATION_EXTENSION_USED: {
    status: 409,
    zh: '整改只能申请一次延期',
    en: 'A rectification may be extended only once',
  },
  RECTIFICATION_EXTENSION_TOO_LONG: {
    status: 400,
    zh: '整改延期最多 {max} 个工作日',
    en: 'A rectification extension is at most {max} working days',
  },
  RECTIFICATION_NO_EXTENSION_REQUEST: {
    status: 409,
    zh: '没有待审批的延期申请',
    en: 'There is no extension request to decide',
  },
  HOTLINE_INVALID_TRANSITION: {
    status: 409,
    zh: '工单当前为「{stateLabelZh}」，不能执行「{actionLabelZh}」',
    en: 'The work order is "{stateLabelEn}": you cannot {actionLabelEn} now',
  },
  HOTLINE_RETURN_WINDOW_PASSED: {
    status: 409,
    zh: '派单已超过回退时限（{amount} {unit}），不能回退，请按期办理',
    en: 'The return limit ({amount} {unit}) after the dispatch has passed: the order must be handled',
  },
  HOTLINE_EXTENSION_USED: {
    status: 409,
    zh: '工单只能延期一次',
    en: 'A work order may be extended only once',
  },
  HOTLINE_EXTENSION_TOO_LONG: {
    status: 400,
    zh: '该类工单最多延期 {max} 个工作日',
    en: 'Orders of this category may be extended by at most {max} working days',
  },
  HOTLINE_NOT_YOUR_ORDER: {
    status: 404,
    zh: '未找到工单（未派至本单位）',
    en: 'Work order not found (not dispatched to your unit)',
  },
  HOTLINE_API_KEY_INVALID: {
    status: 401,
    zh: '热线平台接口密钥无效',
    en: 'Invalid hotline platform API key',
  },
  HOTLINE_IMPORT_NO_FILE: {
    status: 400,
    zh: '请上传一个 Excel（.xlsx）或 JSON 文件',
    en: 'Upload one Excel (.xlsx) or JSON file',
  },
  HOTLINE_IMPORT_BAD_FILE: {
    status: 400,
    zh: '文件无法读取：{reason}',
    en: 'The file cannot be read: {reason}',
  },
  COMPLAINT_INVALID_TRANSITION: {
    status: 409,
    zh: '当前为「{stateLabelZh}」，不能执行「{actionLabelZh}」',
    en: 'The item is "{stateLabelEn}": you cannot {actionLabelEn} now',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    zh: '附件「{name}」大小为 {size}，超过单个附件上限 {limit}',
    en: 'Attachment "{name}" is {size}, over the limit of {limit} per file',
  },
  ATTACHMENTS_TOO_MANY: {
    status: 400,
    zh: '附件最多 {max} 个',
    en: 'At most {max} attachments',
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '附件「{name}」的类型 {type} 不被接受（仅限图片、PDF）',
    en: 'Attachment "{name}" has type {type}, which is not accepted (images and PDF only)',
  },
} as const satisfies ErrorCatalog;
