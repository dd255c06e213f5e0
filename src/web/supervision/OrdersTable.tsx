import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { OrderView } from '../../shared/contracts/supervision';
import { useT } from '../i18n/i18n';
import { cst, orderColor, orderKindLabels, orderLevelLabels, orderStatusLabels, sm } from './supervision-ui';

/** Reminders and orders with their deadlines; an overdue one is marked. */
export function OrdersTable({ orders, loading }: { orders: readonly OrderView[]; loading?: boolean }) {
  const t = useT();
  return (
    <Table<OrderView>
      rowKey="id"
      size="small"
      data-testid="orders-table"
      loading={loading}
      dataSource={[...orders]}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t(sm.number),
          dataIndex: 'number',
          render: (n: string, o) => <Link to={`/supervision/orders/${o.id}`}>{n}</Link>,
        },
        { title: '', dataIndex: 'kind', width: 70, render: (k: OrderView['kind']) => t(orderKindLabels[k]) },
        {
          title: t(sm.level),
          dataIndex: 'level',
          width: 80,
          render: (l: OrderView['level']) => <Tag color={orderColor[l]}>{t(orderLevelLabels[l])}</Tag>,
        },
        { title: t(sm.department), dataIndex: 'departmentName', ellipsis: true },
        {
          title: t(sm.case),
          dataIndex: 'caseNumber',
          render: (n: string | null, o) =>
            n && o.caseId ? <Link to={`/supervision/cases/${o.caseId}`}>{n}</Link> : '—',
        },
        { title: t(sm.content), dataIndex: 'content', ellipsis: true },
        {
          title: t(sm.responseDue),
          dataIndex: 'responseDueAt',
          width: 170,
          render: (d: string, o) => (
            <span>
              {cst(d)} {o.overdue && <Tag color="red">{t(sm.overdue)}</Tag>}
            </span>
          ),
        },
        {
          title: t(sm.status),
          dataIndex: 'status',
          width: 120,
          render: (s: OrderView['status']) => (
            <span data-testid="order-status">{t(orderStatusLabels[s])}</span>
          ),
        },
      ]}
    />
  );
}
