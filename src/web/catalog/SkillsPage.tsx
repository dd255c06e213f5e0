import { App as AntApp, Checkbox, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { SkillsRow } from '../../shared/contracts/catalog';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { CenterSelect } from '../components/CenterSelect';
import { useWindows } from '../components/org-hooks';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  title: { zh: '全岗通配置', en: 'Skills matrix' },
  hint: {
    zh: '勾选每个事项可在哪些窗口受理；可受理人员在事项详情中设置。',
    en: 'Tick the windows where each item may be accepted; the staff are set on the item page.',
  },
  item: { zh: '事项', en: 'Item' },
  staff: { zh: '人员数', en: 'Staff' },
});

/** 全岗通: items × windows, one checkbox per pair; each change is saved at once. */
export default function SkillsPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const { hasRole } = useAuth();
  const [centerId, setCenterId] = useState<string>();
  const windows = useWindows(centerId);
  const matrix = useApi(
    () =>
      centerId
        ? api('GET', '/catalog/skills', { query: { centerId }, schema: z.array(SkillsRow) })
        : Promise.resolve([]),
    [centerId],
  );
  const toggle = async (row: SkillsRow, windowId: string, on: boolean) => {
    const windowIds = on ? [...row.windowIds, windowId] : row.windowIds.filter((w) => w !== windowId);
    try {
      await api('PUT', `/catalog/items/${row.itemId}/assignments`, {
        body: { windowIds, staffIds: row.staffIds },
      });
      matrix.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <CenterSelect value={centerId} onChange={setCenterId} />
      </Space>
      <Typography.Text type="secondary">{t(m.hint)}</Typography.Text>
      <Table<SkillsRow>
        rowKey="itemId"
        size="small"
        loading={matrix.loading}
        dataSource={matrix.data ?? []}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t(m.item),
            dataIndex: 'name',
            fixed: 'left',
            width: 260,
            render: (n: string, r) => (
              <Link to={`/catalog/items/${r.itemId}`}>
                {n} <Typography.Text type="secondary">{r.departmentName}</Typography.Text>
              </Link>
            ),
          },
          ...(windows.data ?? []).map((w) => ({
            title: <span title={w.name}>{w.number}</span>,
            key: w.id,
            width: 44,
            render: (_: unknown, r: SkillsRow) => (
              <Checkbox
                checked={r.windowIds.includes(w.id)}
                disabled={!hasRole('admin')}
                onChange={(e) => void toggle(r, w.id, e.target.checked)}
              />
            ),
          })),
          {
            title: t(m.staff),
            key: 'staff',
            width: 70,
            render: (_: unknown, r: SkillsRow) => r.staffIds.length,
          },
        ]}
      />
    </Space>
  );
}
