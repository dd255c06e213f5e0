import { Col, Row, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { z } from 'zod';
import { specialProcedureLabels } from '../../shared/cases/labels';
import type { SpecialProcedureKind } from '../../domain/cases/case-states';
import { FiveDayWatchView, PauseWatchView, type SummaryView } from '../../shared/contracts/supervision';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { cst, sm, useLabel } from './supervision-ui';

const m = defineMessages({
  kind: { zh: '特别程序', en: 'Special procedure' },
  startedAt: { zh: '开始时间', en: 'Started' },
  age: { zh: '已暂停（工作日）', en: 'Paused (working days)' },
  expected: { zh: '预计（工作日）', en: 'Expected (working days)' },
  overrun: { zh: '超期', en: 'Overrun' },
  receivedAt: { zh: '收件时间', en: 'Received' },
  limitAt: { zh: '5日届满', en: 'Five days end' },
  remaining: { zh: '剩余（工作日）', en: 'Left (working days)' },
  name: { zh: '名称', en: 'Name' },
});

/** Open special procedures: how long each has paused its case, against the duration announced. */
export function PausesList({ centerId, refreshKey }: { centerId: string | undefined; refreshKey: number }) {
  const t = useT();
  const label = useLabel();
  const list = useApi(
    () => api('GET', '/supervision/pauses', { query: { centerId }, schema: z.array(PauseWatchView) }),
    [centerId, refreshKey],
  );
  return (
    <Table<PauseWatchView>
      rowKey="caseId"
      size="small"
      data-testid="pauses-table"
      dataSource={list.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t(sm.case),
          dataIndex: 'caseNumber',
          render: (n: string, r) => <Link to={`/supervision/cases/${r.caseId}`}>{n}</Link>,
        },
        { title: t(sm.item), dataIndex: 'itemName', ellipsis: true },
        { title: t(sm.department), dataIndex: 'departmentName', ellipsis: true },
        {
          title: t(m.kind),
          dataIndex: 'kind',
          render: (k: string) => {
            const l = specialProcedureLabels[k as SpecialProcedureKind];
            return l ? label(l) : k;
          },
        },
        { title: t(m.startedAt), dataIndex: 'startedAt', render: cst },
        { title: t(m.expected), dataIndex: 'expectedWorkingDays', width: 110 },
        {
          title: t(m.age),
          dataIndex: 'ageWorkingDays',
          width: 140,
          render: (a: number, r) => (r.overrun ? <Tag color="red">{`${a} · ${t(m.overrun)}`}</Tag> : a),
        },
      ]}
    />
  );
}

/** Received cases waiting for acceptance, refusal or a supplement notice, by what is left of their 5 working days. */
export function FiveDayList({ centerId, refreshKey }: { centerId: string | undefined; refreshKey: number }) {
  const t = useT();
  const list = useApi(
    () => api('GET', '/supervision/five-day', { query: { centerId }, schema: z.array(FiveDayWatchView) }),
    [centerId, refreshKey],
  );
  return (
    <Table<FiveDayWatchView>
      rowKey="caseId"
      size="small"
      data-testid="five-day-table"
      dataSource={list.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t(sm.case),
          dataIndex: 'caseNumber',
          render: (n: string, r) => <Link to={`/supervision/cases/${r.caseId}`}>{n}</Link>,
        },
        { title: t(sm.item), dataIndex: 'itemName', ellipsis: true },
        { title: t(sm.department), dataIndex: 'departmentName', ellipsis: true },
        { title: t(m.receivedAt), dataIndex: 'receivedAt', render: cst },
        { title: t(m.limitAt), dataIndex: 'limitAt', render: cst },
        {
          title: t(m.remaining),
          dataIndex: 'remainingWorkingDays',
          render: (d: number) => <Tag color={d <= 0 ? 'red' : d <= 1 ? 'gold' : 'default'}>{d}</Tag>,
        },
      ]}
    />
  );
}

type Group = SummaryView['byDepartment'][number];

/** Open cards grouped by department, window and officer. */
export function GroupTables({ summary }: { summary: SummaryView | undefined }) {
  const t = useT();
  const columns = [
    { title: t(m.name), dataIndex: 'name', ellipsis: true, render: (n: string) => n || '—' },
    { title: t(sm.red), dataIndex: 'red', width: 70 },
    { title: t(sm.yellow), dataIndex: 'yellow', width: 70 },
    { title: t(sm.warning), dataIndex: 'warning', width: 70 },
  ];
  const table = (title: string, rows: readonly Group[] | undefined, testId: string) => (
    <Col xs={24} lg={8}>
      <Table<Group>
        title={() => title}
        rowKey={(r) => r.id ?? 'none'}
        size="small"
        data-testid={testId}
        dataSource={[...(rows ?? [])]}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        columns={columns}
      />
    </Col>
  );
  return (
    <Row gutter={16}>
      {table(t(sm.department), summary?.byDepartment, 'group-department')}
      {table(t(sm.window), summary?.byWindow, 'group-window')}
      {table(t(sm.officer), summary?.byOfficer, 'group-officer')}
    </Row>
  );
}
