import { Space, Typography } from 'antd';
import { Inbox } from '../../shared/contracts/cases';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { CaseTable } from './CaseTable';

const m = defineMessages({
  title: { zh: '待办审批', en: 'My approval inbox' },
  hint: {
    zh: '本部门轮到您所在岗位办理的环节，按环节到期时间排列。',
    en: "Steps of your department waiting for your role, by the step's due time.",
  },
});

/** Department approvers and chief representatives: the steps waiting for them, earliest due first. */
export default function InboxPage() {
  const t = useT();
  const inbox = useApi(() => api('GET', '/cases/inbox', { schema: Inbox }), []);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(m.title)}
      </Typography.Title>
      <Typography.Text type="secondary">{t(m.hint)}</Typography.Text>
      <CaseTable items={inbox.data?.items ?? []} loading={inbox.loading} stepDue />
    </Space>
  );
}
