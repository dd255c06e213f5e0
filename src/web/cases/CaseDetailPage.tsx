import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  List,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import type { ExplanationEntry } from '../../domain/clock/clock.types';
import { renderExplanation } from '../../shared/clock/explain';
import { CaseDetail } from '../../shared/contracts/cases';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { ActionPanel } from './ActionPanel';
import {
  RemainingDays,
  StateTag,
  actionLabel,
  cm,
  documentLabel,
  documentUrl,
  roleLabel,
  useTime,
} from './case-ui';

const m = defineMessages({
  actions: { zh: '下一步可办理', en: 'Next actions' },
  noActions: { zh: '当前没有您可以办理的操作', en: 'Nothing for you to do on this case now' },
  info: { zh: '办件信息', en: 'Case' },
  clock: { zh: '计时', en: 'Clock' },
  clockState: { zh: '计时状态', en: 'Clock state' },
  elapsed: { zh: '已用 {n} 个工作日', en: '{n} working days used' },
  left: { zh: '剩余 {n} 个工作日', en: '{n} working days left' },
  pausedDays: { zh: '暂停 {n} 个工作日', en: '{n} working days paused' },
  legalDue: { zh: '法定办结', en: 'Legal due' },
  accepted: { zh: '受理时间', en: 'Accepted' },
  concluded: { zh: '办结时间', en: 'Concluded' },
  receivedBy: { zh: '收件人', en: 'Received by' },
  idNumber: { zh: '证件号码', en: 'ID number' },
  phone: { zh: '联系电话', en: 'Phone' },
  agent: { zh: '代理人', en: 'Agent' },
  fee: { zh: '收费', en: 'Fee' },
  feeText: {
    zh: '实收 {charged} 元 / 标准 {standard} 元',
    en: '{charged} yuan charged / {standard} standard',
  },
  timeline: { zh: '办理过程', en: 'Timeline' },
  materials: { zh: '材料', en: 'Materials' },
  documents: { zh: '文书', en: 'Documents' },
  bundle: { zh: '联办件（两证齐发）', en: 'Linked cases' },
  ready: { zh: '已全部办结，可一次领取', en: 'All concluded: one pickup' },
  notReady: { zh: '尚未全部办结', en: 'Not all concluded yet' },
  flags: { zh: '督查标记', en: 'Flags' },
  running: { zh: '计时中', en: 'Running' },
  pausedState: { zh: '暂停计时', en: 'Paused' },
  overdueState: { zh: '已超期', en: 'Overdue' },
  stopped: { zh: '已停止', en: 'Stopped' },
});
const materialStates = defineMessages({
  received: { zh: '已收', en: 'Received' },
  missing: { zh: '缺', en: 'Missing' },
  deferred: { zh: '容缺后补', en: 'Deferred' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
});
const clockStates = {
  running: m.running,
  paused: m.pausedState,
  overdue: m.overdueState,
  stopped: m.stopped,
};
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** One case: its state and next allowed actions, the clock with its explanation, the timeline, materials and documents. */
export default function CaseDetailPage() {
  const t = useT();
  const { lang } = useLang();
  const time = useTime();
  const { id = '' } = useParams();
  const res = useApi(() => api('GET', `/cases/${id}`, { schema: CaseDetail }), [id]);
  if (res.error) return <Alert type="error" showIcon title={res.error.message} />;
  const c = res.data;
  if (!c) return <Spin />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="case-detail">
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-number">
          {c.number}
        </Typography.Title>
        <span data-testid="case-state">
          <StateTag status={c.status} outcome={c.outcome} />
        </span>
        <RemainingDays c={c} />
        {c.flags.map((f) => (
          <Tag key={f} color="volcano">
            {f}
          </Tag>
        ))}
      </Space>
      <Card size="small" title={t(m.actions)}>
        {c.allowedActions.length === 0 && !c.materials.some((x) => x.status === 'deferred') ? (
          <Typography.Text type="secondary">{t(m.noActions)}</Typography.Text>
        ) : (
          <ActionPanel c={c} onDone={() => res.reload()} />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t(m.info)}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t(cm.item)}>{c.itemName}</Descriptions.Item>
              <Descriptions.Item label={t(cm.department)}>{c.departmentName}</Descriptions.Item>
              <Descriptions.Item label={t(cm.applicant)}>{c.applicant.name}</Descriptions.Item>
              <Descriptions.Item label={t(m.idNumber)}>{c.applicant.idNumber}</Descriptions.Item>
              <Descriptions.Item label={t(m.phone)}>{c.applicant.phone}</Descriptions.Item>
              {c.agent && (
                <Descriptions.Item label={t(m.agent)}>{`${c.agent.name} ${c.agent.phone}`}</Descriptions.Item>
              )}
              <Descriptions.Item label={t(cm.step)}>
                {c.status === 'accepted' || c.status === 'paused'
                  ? `${c.step.index + 1}/${c.step.count} ${c.step.name} · ${t(roleLabel(c.step.role))}`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t(cm.window)}>{c.windowNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t(m.receivedBy)}>{c.receivedByName}</Descriptions.Item>
              <Descriptions.Item label={t(cm.receivedAt)}>{time(c.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t(m.accepted)}>{time(c.acceptedAt)}</Descriptions.Item>
              <Descriptions.Item label={t(cm.due)}>{time(c.dueAt)}</Descriptions.Item>
              <Descriptions.Item label={t(m.legalDue)}>{time(c.legalDueAt)}</Descriptions.Item>
              <Descriptions.Item label={t(m.concluded)}>{time(c.concludedAt)}</Descriptions.Item>
              {c.fee.lines.length > 0 && (
                <Descriptions.Item label={t(m.fee)}>
                  {t(m.feeText, { charged: yuan(c.fee.chargedFen), standard: yuan(c.fee.standardFen) })}
                  {c.fee.reason ? ` (${c.fee.reason})` : ''}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t(m.clock)} data-testid="case-clock">
            {c.clock ? (
              <>
                <Space wrap style={{ marginBottom: 8 }}>
                  <Tag color="blue">{t(clockStates[c.clock.state])}</Tag>
                  <span>{t(m.elapsed, { n: c.clock.elapsedWorkingDays })}</span>
                  <span>{t(m.left, { n: c.clock.remainingWorkingDays })}</span>
                  {c.clock.pausedWorkingDays > 0 && (
                    <span>{t(m.pausedDays, { n: c.clock.pausedWorkingDays })}</span>
                  )}
                </Space>
                <ol style={{ paddingLeft: 20, margin: 0 }}>
                  {renderExplanation(c.clock.explanation as unknown as ExplanationEntry[], lang).map(
                    (line, i) => (
                      <li key={i}>{line}</li>
                    ),
                  )}
                </ol>
              </>
            ) : (
              '—'
            )}
          </Card>
        </Col>
      </Row>
      {c.bundle && (
        <Card size="small" title={`${t(m.bundle)} · ${c.bundle.name}`}>
          <Tag color={c.bundle.ready ? 'green' : 'orange'}>{t(c.bundle.ready ? m.ready : m.notReady)}</Tag>
          <List
            size="small"
            dataSource={c.bundle.parts}
            renderItem={(p) => (
              <List.Item>
                <a href={`/cases/${p.id}`}>{p.number}</a> {p.itemName}{' '}
                <StateTag status={p.status} outcome={p.outcome} />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t(m.timeline)}>
            <Timeline
              data-testid="case-timeline"
              items={c.events.map((e) => ({
                key: e.seq,
                children: (
                  <div>
                    <Typography.Text strong>{t(actionLabel(e.type))}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{time(e.at)}</Typography.Text>
                    <div>
                      {e.actorName} · {t(roleLabel(e.actorRole))} · {e.orgName}
                      {e.stepName ? ` · ${e.stepName}` : ''}
                    </div>
                    {e.opinion && <div>{e.opinion}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t(m.documents)}>
            <List
              size="small"
              dataSource={c.documents}
              renderItem={(d) => (
                <List.Item
                  actions={[
                    <Button key="p" size="small" href={documentUrl(c.id, d.id)} target="_blank">
                      {t(cm.print)}
                    </Button>,
                  ]}
                >
                  {t(documentLabel(d.kind))} · {d.number} · {time(d.issuedAt)}
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t(m.materials)} style={{ marginTop: 16 }}>
            <Table
              size="small"
              rowKey={(x) => `${x.key ?? ''}${x.name}`}
              pagination={false}
              dataSource={c.materials}
              columns={[
                { title: t(m.materials), dataIndex: 'name' },
                {
                  title: '',
                  dataIndex: 'status',
                  render: (s: keyof typeof materialStates, x) =>
                    x.suppliedAt ? `✓ ${time(x.suppliedAt)}` : t(materialStates[s]),
                },
                { title: '', render: (_, x) => `${x.originalsReceived}/${x.copiesReceived}` },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
