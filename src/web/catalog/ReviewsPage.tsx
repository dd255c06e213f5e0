import { Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { versionStatusLabels } from '../../shared/contracts/catalog-labels';
import { defineMessages, useT } from '../i18n/i18n';
import { useLabel, useReviews } from './catalog-hooks';

const m = defineMessages({
  title: { zh: '事项审核', en: 'Catalog reviews' },
  hint: {
    zh: '部门审批人和首席代表审核本部门的事项；中心管理员审核后发布。',
    en: "Department approvers and chief representatives review their department's items; the center publishes them.",
  },
  name: { zh: '事项', en: 'Item' },
  department: { zh: '部门', en: 'Department' },
  status: { zh: '状态', en: 'Status' },
  submittedAt: { zh: '提交时间', en: 'Submitted' },
  campaign: { zh: '清理批次', en: 'Campaign' },
  version: { zh: '第 {n} 版', en: 'v{n}' },
});

export default function ReviewsPage() {
  const t = useT();
  const label = useLabel();
  const reviews = useReviews();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(m.title)}
      </Typography.Title>
      <Typography.Text type="secondary">{t(m.hint)}</Typography.Text>
      <Table
        rowKey="versionId"
        loading={reviews.loading}
        dataSource={reviews.data ?? []}
        locale={{ emptyText: <Empty /> }}
        pagination={false}
        columns={[
          {
            title: t(m.name),
            dataIndex: 'name',
            render: (n: string, r) => (
              <Link to={`/catalog/items/${r.itemId}`}>
                {n}（{t(m.version, { n: r.versionNo })}）
              </Link>
            ),
          },
          { title: t(m.department), dataIndex: 'departmentName' },
          {
            title: t(m.status),
            dataIndex: 'status',
            render: (s: keyof typeof versionStatusLabels) => (
              <Tag color="orange">{label(versionStatusLabels[s])}</Tag>
            ),
          },
          {
            title: t(m.submittedAt),
            dataIndex: 'submittedAt',
            render: (s: string | null) => (s ? new Date(s).toLocaleString() : '—'),
          },
          { title: t(m.campaign), dataIndex: 'campaignName' },
        ]}
      />
    </Space>
  );
}
