import { Alert, Card, Empty, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { CaseList } from '../../shared/contracts/cases';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { useMyStandIns } from './schedule-hooks';

const m = defineMessages({
  title: { zh: 'AB岗顶岗', en: 'Standing in (AB post)' },
  standing: {
    zh: '我正在 {window} 号窗口为 {name} 顶岗，以下是该窗口未办结的办件',
    en: 'I stand in for {name} at window {window}; open cases of that window:',
  },
  none: { zh: '当前没有顶岗任务', en: 'Not standing in for anyone now' },
  number: { zh: '办件编号', en: 'Case number' },
  item: { zh: '事项', en: 'Item' },
  applicant: { zh: '申请人', en: 'Applicant' },
  status: { zh: '状态', en: 'Status' },
});
const OPEN = new Set(['received', 'supplement_requested', 'accepted', 'paused']);

function WindowCases({ windowId }: { windowId: string }) {
  const t = useT();
  const cases = useApi(
    () => api('GET', '/cases', { query: { windowId, pageSize: 100 }, schema: CaseList }),
    [windowId],
  );
  return (
    <Table
      rowKey="id"
      size="small"
      loading={cases.loading}
      pagination={false}
      dataSource={(cases.data?.items ?? []).filter((c) => OPEN.has(c.status))}
      columns={[
        {
          title: t(m.number),
          dataIndex: 'number',
          render: (n: string, c: { id: string }) => <Link to={`/cases/${c.id}`}>{n}</Link>,
        },
        { title: t(m.item), dataIndex: 'itemName' },
        { title: t(m.applicant), dataIndex: 'applicantName' },
        { title: t(m.status), dataIndex: 'status', render: (s: string) => <Tag>{s}</Tag> },
      ]}
    />
  );
}

/**
 * AB岗: while B stands in for A, the officers B stands in for and the open cases of A's window. Shown
 * on its own page and meant for the workstation too.
 */
export function StandInsCard() {
  const t = useT();
  const mine = useMyStandIns();
  const list = mine.data?.standsInFor ?? [];
  return (
    <Card title={t(m.title)} data-testid="stand-ins" loading={mine.loading}>
      {list.length === 0 ? (
        <Empty description={t(m.none)} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {list.map((s) => (
            <Space key={s.staffId} direction="vertical" style={{ width: '100%' }}>
              <Alert
                type="warning"
                showIcon
                message={t(m.standing, { name: s.name, window: s.windowNumber })}
              />
              <WindowCases windowId={s.windowId} />
            </Space>
          ))}
        </Space>
      )}
    </Card>
  );
}

export default function StandInsPage() {
  return <StandInsCard />;
}
