/**
 * What a NOT_FOUND (or any `{entity}`) error is about, named in the user's language. Server code
 * passes a stable key (`{ entity: 'center' }`); the message shows "未找到中心" / "center not found",
 * never the key itself. A key may carry a suffix after a space (`ticket A012`): the key is named,
 * the suffix kept as written. entities.test.ts checks that every key the server uses is here.
 */
export const entityNames: Readonly<Record<string, { zh: string; en: string }>> = {
  absence: { zh: '请假记录', en: 'absence' },
  account: { zh: '账号', en: 'account' },
  appointment: { zh: '预约', en: 'appointment' },
  attachment: { zh: '附件', en: 'attachment' },
  bulk_request: { zh: '批量办理申请', en: 'bulk-service request' },
  campaign: { zh: '事项梳理活动', en: 'catalog campaign' },
  card: { zh: '监察卡', en: 'supervision card' },
  case: { zh: '办件', en: 'case' },
  category: { zh: '取号类别', en: 'ticket category' },
  center: { zh: '服务中心', en: 'service center' },
  complaint: { zh: '投诉', en: 'complaint' },
  department: { zh: '部门', en: 'department' },
  document: { zh: '文书', en: 'document' },
  file: { zh: '文件', en: 'file' },
  guide: { zh: '办事指南', en: 'service guide' },
  hall: { zh: '大厅', en: 'hall' },
  hotline_order: { zh: '12345 工单', en: '12345 hotline order' },
  hours_rule: { zh: '工作时间规则', en: 'working-hours rule' },
  item: { zh: '事项', en: 'service item' },
  'item version': { zh: '事项版本', en: 'item version' },
  order: { zh: '督办单', en: 'supervision order' },
  phase: { zh: '活动阶段', en: 'campaign phase' },
  reception: { zh: '领导接待', en: "leaders' reception" },
  rectification: { zh: '整改', en: 'rectification' },
  return_visit: { zh: '回访', en: 'return visit' },
  rule: { zh: '监察规则', en: 'supervision rule' },
  staff: { zh: '工作人员', en: 'staff member' },
  substitution: { zh: 'AB 岗替岗', en: 'AB-post substitution' },
  ticket: { zh: '号票', en: 'ticket' },
  ticket_category: { zh: '取号类别', en: 'ticket category' },
  timetable: { zh: '接待日程', en: 'reception timetable' },
  window: { zh: '窗口', en: 'window' },
};

/** The entity `key` named in `lang`; an unknown key is shown as it is (never hidden). */
export function entityName(key: string, lang: 'zh-CN' | 'en'): string {
  const known = entityNames[key];
  if (known) return lang === 'en' ? known.en : known.zh;
  const space = key.indexOf(' ');
  if (space > 0) {
    const head = entityNames[key.slice(0, space)];
    if (head) return `${lang === 'en' ? head.en : head.zh} ${key.slice(space + 1)}`;
  }
  return key;
}
