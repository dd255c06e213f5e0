import { Tag, Tooltip } from 'antd';
import { caseActionLabels, caseDocumentLabels, caseStateLabel, type Label } from '../../shared/cases/labels';
import type { CaseOutcome, CaseStatus } from '../../domain/cases/case-states';
import type { CaseDocumentKind, CaseSummary } from '../../shared/contracts/cases';
import { roleLabels, type Role } from '../../shared/contracts/roles';
import { defineMessages, useLang, useT } from '../i18n/i18n';

/** Small shared pieces of the case screens: state tags, remaining-days colours, times, labels. */

export const cm = defineMessages({
  number: { zh: '办件编号', en: 'Case number' },
  item: { zh: '事项', en: 'Item' },
  department: { zh: '承办部门', en: 'Department' },
  applicant: { zh: '申请人', en: 'Applicant' },
  state: { zh: '状态', en: 'State' },
  step: { zh: '当前环节', en: 'Current step' },
  receivedAt: { zh: '收件时间', en: 'Received' },
  due: { zh: '承诺办结', en: 'Promised due' },
  remaining: { zh: '剩余工作日', en: 'Working days left' },
  overdue: { zh: '已超期', en: 'Overdue' },
  paused: { zh: '暂停计时', en: 'Clock paused' },
  days: { zh: '{n} 天', en: '{n} d' },
  window: { zh: '窗口', en: 'Window' },
  open: { zh: '查看', en: 'Open' },
  print: { zh: '打印', en: 'Print' },
  immediate: { zh: '即办件', en: 'Immediate' },
  promised: { zh: '承诺件', en: 'Promised' },
});

const pickupNotice: Label = { zh: '领取通知书', en: 'Pickup notice' };
export const documentLabel = (k: CaseDocumentKind): Label =>
  k === 'pickup_notice' ? pickupNotice : caseDocumentLabels[k];

const extraActions: Record<string, Label> = {
  supply_deferred: { zh: '补交容缺材料', en: 'Supply a deferred material' },
};
export const actionLabel = (a: string): Label =>
  (caseActionLabels as Record<string, Label>)[a] ?? extraActions[a] ?? { zh: a, en: a };

export const roleLabel = (r: string): Label =>
  r === 'system' ? { zh: '系统', en: 'System' } : (roleLabels[r as Role] ?? { zh: r, en: r });

const stateColor: Record<CaseStatus, string> = {
  draft: 'default',
  received: 'blue',
  supplement_requested: 'orange',
  refused: 'red',
  accepted: 'processing',
  paused: 'purple',
  concluded: 'green',
  delivered: 'cyan',
  closed: 'default',
};

export function StateTag({ status, outcome }: { status: CaseStatus; outcome: CaseOutcome | null }) {
  const t = useT();
  return <Tag color={stateColor[status]}>{t(caseStateLabel(status, outcome))}</Tag>;
}

/**
 * Remaining working days, coloured as the queue reads them: red when overdue, orange on the last
 * day, gold within three days, green otherwise; purple while a special procedure stops the clock.
 */
export function RemainingDays({
  c,
}: {
  c: Pick<CaseSummary, 'remainingWorkingDays' | 'overdue' | 'status'>;
}) {
  const t = useT();
  if (c.overdue) return <Tag color="red">{t(cm.overdue)}</Tag>;
  if (c.remainingWorkingDays === null) return <span>—</span>;
  const n = c.remainingWorkingDays;
  const text = t(cm.days, { n: n % 1 === 0 ? n : n.toFixed(1) });
  if (c.status === 'paused')
    return (
      <Tooltip title={t(cm.paused)}>
        <Tag color="purple">{text}</Tag>
      </Tooltip>
    );
  const color = n <= 1 ? 'orange' : n <= 3 ? 'gold' : 'green';
  return (
    <Tag color={color} data-testid="remaining-days">
      {text}
    </Tag>
  );
}

/** An instant in China Standard Time, the center's time whatever the browser's zone. */
export function useTime() {
  const { lang } = useLang();
  const f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (iso: string | null | undefined) => (iso ? f.format(new Date(iso)) : '—');
}

/** Open a stored document (PDF) in a new tab, where the browser prints it. */
export const documentUrl = (caseId: string, docId: string) => `/api/cases/${caseId}/documents/${docId}/pdf`;
