import { Table } from 'antd';
import { Link } from 'react-router';
import type { CaseSummary } from '../../shared/contracts/cases';
import { useT } from '../i18n/i18n';
import { RemainingDays, StateTag, cm, useTime } from './case-ui';

/** The one table of cases (queue, search, inbox): number, item, applicant (masked), state, step, due, days left. */
export function CaseTable({
  items,
  loading,
  pagination,
  stepDue = false,
}: {
  items: readonly CaseSummary[];
  loading?: boolean;
  pagination?: false | { current: number; pageSize: number; total: number; onChange: (p: number) => void };
  stepDue?: boolean;
}) {
  const t = useT();
  const time = useTime();
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading ?? false}
      dataSource={[...items]}
      pagination={pagination ?? false}
      data-testid="case-table"
      columns={[
        {
          title: t(cm.number),
          dataIndex: 'number',
          render: (n: string, c: CaseSummary) => <Link to={`/cases/${c.id}`}>{n}</Link>,
        },
        { title: t(cm.item), dataIndex: 'itemName' },
        { title: t(cm.department), dataIndex: 'departmentName', responsive: ['lg'] },
        {
          title: t(cm.applicant),
          render: (_, c: CaseSummary) => `${c.applicantName} ${c.applicantIdNumber}`,
        },
        {
          title: t(cm.state),
          render: (_, c: CaseSummary) => <StateTag status={c.status} outcome={c.outcome} />,
        },
        {
          title: t(cm.step),
          render: (_, c: CaseSummary) =>
            c.status === 'accepted' || c.status === 'paused'
              ? `${c.step.index + 1}/${c.step.count} ${c.step.name}`
              : '—',
        },
        { title: t(cm.receivedAt), render: (_, c: CaseSummary) => time(c.receivedAt), responsive: ['xl'] },
        { title: t(cm.due), render: (_, c: CaseSummary) => time(stepDue ? c.step.dueAt : c.dueAt) },
        { title: t(cm.remaining), render: (_, c: CaseSummary) => <RemainingDays c={c} /> },
      ]}
    />
  );
}
