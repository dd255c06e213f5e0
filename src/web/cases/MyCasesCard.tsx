import { Card, Empty, List, Space } from 'antd';
import { Link } from 'react-router';
import type { Me } from '../../shared/contracts/auth';
import { CaseList, Inbox } from '../../shared/contracts/cases';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { RemainingDays, StateTag } from './case-ui';

const m = defineMessages({
  title: { zh: '我的办件', en: 'My cases' },
  inbox: { zh: '待我审批', en: 'Waiting for me' },
  none: { zh: '暂无办件', en: 'No cases' },
  all: { zh: '全部', en: 'All' },
});

/**
 * The workstation card of case work: approvers see the steps waiting for them, window staff the
 * open cases they received, each with its remaining working days.
 */
export function MyCasesCard({ me }: { me: Me }) {
  const t = useT();
  const approver = me.roles.some((r) => r === 'approver' || r === 'chief_rep');
  const data = useApi(
    () =>
      approver
        ? api('GET', '/cases/inbox', { schema: Inbox })
        : api('GET', '/cases', { query: { mine: 'true', pageSize: 8 }, schema: CaseList }),
    [approver],
  );
  const items = (data.data?.items ?? []).slice(0, 8);
  return (
    <Card
      title={t(approver ? m.inbox : m.title)}
      loading={data.loading}
      style={{ height: '100%' }}
      data-testid="workstation-cases"
      extra={<Link to={approver ? '/cases/inbox' : '/cases'}>{t(m.all)}</Link>}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.none)} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item>
              <Space wrap size={4}>
                <Link to={`/cases/${c.id}`}>{c.number}</Link>
                <span>{c.itemName}</span>
                <StateTag status={c.status} outcome={c.outcome} />
                <RemainingDays c={c} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
