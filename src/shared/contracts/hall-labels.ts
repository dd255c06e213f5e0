import type { PriorityKind, TicketAction, TicketStatus } from '../../domain/queue/ticket-states';

/** zh-CN / en labels of the hall-queue vocabulary, shared by the server (error messages) and the web app. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const ticketStatusLabels: Readonly<Record<TicketStatus, Label>> = {
  waiting: { zh: '等候中', en: 'Waiting' },
  called: { zh: '已叫号', en: 'Called' },
  serving: { zh: '办理中', en: 'Being served' },
  done: { zh: '已办完', en: 'Done' },
  no_show: { zh: '过号', en: 'No-show' },
  transferred: { zh: '已转窗', en: 'Transferred' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const ticketActionLabels: Readonly<Record<TicketAction, Label>> = {
  call: { zh: '叫号', en: 'call' },
  recall: { zh: '重呼', en: 'recall' },
  start: { zh: '开始办理', en: 'start serving' },
  finish: { zh: '办理完毕', en: 'finish' },
  no_show: { zh: '过号', en: 'mark as no-show' },
  requeue: { zh: '重新排队', en: 're-queue' },
  transfer: { zh: '转窗', en: 'transfer' },
  cancel: { zh: '取消', en: 'cancel' },
  verify_priority: { zh: '核验优先', en: 'verify a priority' },
};

export const priorityLabels: Readonly<Record<PriorityKind, Label>> = {
  elderly: { zh: '老年人', en: 'Elderly' },
  disabled: { zh: '残疾人', en: 'Person with a disability' },
  military: { zh: '军人', en: 'Military' },
  pregnant: { zh: '孕妇', en: 'Pregnant' },
};

export const appointmentLabel: Label = { zh: '预约', en: 'Appointment' };

/** Params of HALL_INVALID_TRANSITION: both languages, since one template per language is filled. */
export const transitionErrorParams = (number: string, status: TicketStatus, action: TicketAction) => ({
  number,
  statusZh: ticketStatusLabels[status].zh,
  statusEn: ticketStatusLabels[status].en,
  actionZh: ticketActionLabels[action].zh,
  actionEn: ticketActionLabels[action].en,
});
