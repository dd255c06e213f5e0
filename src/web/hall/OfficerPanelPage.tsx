import {
  App as AntApp,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { OfficerPanelView, type TicketView } from '../../shared/contracts/hall';
import { priorityLabels, ticketStatusLabels } from '../../shared/contracts/hall-labels';
import { StaffView, WindowView } from '../../shared/contracts/org';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { defineMessages, useT } from '../i18n/i18n';
import { words } from '../i18n/words';
import { useHallFeed } from './hall-feed';
import { receiveFromTicket } from './hall-hooks';
import { TransferDialog } from './TransferDialog';

const m = defineMessages({
  title: { zh: '窗口叫号', en: 'Window calling' },
  window: { zh: '窗口', en: 'Window' },
  status: { zh: '状态', en: 'Status' },
  open: { zh: '服务中', en: 'Open' },
  paused: { zh: '暂停服务', en: 'Paused' },
  closed: { zh: '未上岗', en: 'Closed' },
  goOnDuty: { zh: '上岗', en: 'Go on duty' },
  pause: { zh: '暂停服务', en: 'Pause' },
  resume: { zh: '恢复服务', en: 'Resume' },
  close: { zh: '下岗', en: 'Go off duty' },
  callNext: { zh: '叫下一位', en: 'Call next' },
  callNumber: { zh: '指定叫号', en: 'Call a number' },
  numberPlaceholder: { zh: '如 A012', en: 'e.g. A012' },
  current: { zh: '当前号', en: 'Current ticket' },
  none: { zh: '暂无正在办理的号', en: 'No ticket at the window' },
  recall: { zh: '重呼', en: 'Recall' },
  start: { zh: '开始办理', en: 'Start' },
  finish: { zh: '办理完毕', en: 'Finish' },
  noShow: { zh: '过号', en: 'No-show' },
  transfer: { zh: '转窗', en: 'Transfer' },
  accept: { zh: '从此号受理', en: 'Open a case from this ticket' },
  linkCase: { zh: '关联办件', en: 'Link a case' },
  caseNumber: { zh: '办件编号', en: 'Case number' },
  linked: { zh: '已关联办件', en: 'Case linked' },
  next: { zh: '候叫队列', en: 'Waiting for this window' },
  categories: { zh: '本窗口可办业务', en: 'Categories this window serves' },
  category: { zh: '业务', en: 'Category' },
  waiting: { zh: '{n} 人等候', en: '{n} waiting' },
  today: { zh: '今日', en: 'Today' },
  served: { zh: '已办', en: 'Served' },
  noShows: { zh: '过号', en: 'No-shows' },
  transferred: { zh: '转出', en: 'Transferred' },
  meanService: { zh: '平均办理（分钟）', en: 'Mean service (min)' },
  recalls: { zh: '已重呼 {n} 次', en: 'Recalled {n}×' },
  reason: { zh: '暂停原因', en: 'Reason' },
  appointment: { zh: '预约', en: 'Booked' },
  transferredTag: { zh: '转入', en: 'Transferred in' },
  noWindow: { zh: '请选择窗口', en: 'Choose a window' },
});

/**
 * The window officer's panel: go on duty, call next (or a number), recall, start, finish, no-show,
 * transfer, pause the window; open a case from the ticket. It follows the hall feed, so the queue
 * and counts stay current without refreshing.
 */
export default function OfficerPanelPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const staff = useApi(
    () =>
      me?.staffId ? api('GET', `/org/staff/${me.staffId}`, { schema: StaffView }) : Promise.resolve(null),
    [me?.staffId],
  );
  const windows = useApi(
    () => api('GET', '/org/windows', { query: { centerId: me?.centerId }, schema: z.array(WindowView) }),
    [me?.centerId],
  );
  const windowId = params.get('window') ?? staff.data?.windowId ?? undefined;
  const panel = useApi(
    () =>
      windowId
        ? api('GET', `/hall/windows/${windowId}/panel`, { schema: OfficerPanelView })
        : Promise.resolve(null),
    [windowId],
  );
  const p = panel.data;
  const reload = panel.reload;
  const [seq, setSeq] = useState<number>();
  const first = p?.seq;
  useEffect(() => setSeq(first), [windowId]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => setSeq((s) => s ?? first), [first]);
  const [stale, setStale] = useState(false);
  const onMessage = useCallback(() => setStale(true), []);
  useHallFeed(p?.window.hallId, seq, onMessage, reload);
  useEffect(() => {
    if (!stale) return;
    const id = setTimeout(() => {
      setStale(false);
      reload();
    }, 400);
    return () => clearTimeout(id);
  }, [stale, reload]);

  const [busy, setBusy] = useState(false);
  const run = async (path: string, body: unknown = {}) => {
    setBusy(true);
    try {
      await api('POST', path, { body });
      reload();
      return true;
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const [number, setNumber] = useState('');
  const [pauseOpen, setPauseOpen] = useState(false);
  const [pauseReason, setPauseReason] = useState('');
  const [transferOpen, setTransferOpen] = useState(false);
  const [caseNumber, setCaseNumber] = useState('');
  const cur: TicketView | null = p?.current ?? null;
  const hallWindows = (windows.data ?? []).filter((w) => w.hall);
  const w = (path: string) => `/hall/windows/${windowId}/${path}`;
  const can = (a: TicketView['allowedActions'][number]) => Boolean(cur?.allowedActions.includes(a));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Select
          style={{ minWidth: 260 }}
          placeholder={t(m.noWindow)}
          value={windowId}
          data-testid="officer-window"
          onChange={(v: string) => setParams({ window: v })}
          options={hallWindows.map((x) => ({
            value: x.id,
            label: `${t(words.windowNo, { n: x.number })} ${x.name}（${x.hall}）`,
          }))}
        />
      </Space>
      {!p ? (
        <Card loading={panel.loading}>
          <Empty description={t(m.noWindow)} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card
              title={`${t(words.windowNo, { n: p.window.number })} ${p.window.name} · ${p.window.hallName}`}
              extra={
                <Tag
                  color={
                    p.state.status === 'open' ? 'green' : p.state.status === 'paused' ? 'orange' : 'default'
                  }
                  data-testid="officer-state"
                >
                  {t(m[p.state.status])}
                  {p.state.officer ? ` · ${p.state.officer.name}` : ''}
                  {p.state.pauseReason ? ` · ${p.state.pauseReason}` : ''}
                </Tag>
              }
            >
              <Space wrap style={{ display: 'flex', marginBottom: 16 }}>
                {!p.onDutyHere && (
                  <Button onClick={() => void run(w('open'))} disabled={busy} data-testid="officer-open">
                    {t(m.goOnDuty)}
                  </Button>
                )}
                {p.onDutyHere && p.state.status === 'open' && (
                  <Button onClick={() => setPauseOpen(true)} disabled={busy}>
                    {t(m.pause)}
                  </Button>
                )}
                {p.onDutyHere && p.state.status === 'paused' && (
                  <Button onClick={() => void run(w('resume'))} disabled={busy} data-testid="officer-resume">
                    {t(m.resume)}
                  </Button>
                )}
                {p.onDutyHere && (
                  <Button onClick={() => void run(w('close'))} disabled={busy || Boolean(cur)}>
                    {t(m.close)}
                  </Button>
                )}
              </Space>
              <Space wrap size="large">
                <Button
                  type="primary"
                  size="large"
                  style={{ height: 64, fontSize: 24, minWidth: 200 }}
                  disabled={busy || Boolean(cur) || p.state.status === 'paused'}
                  onClick={() => void run(w('call-next'))}
                  data-testid="officer-call-next"
                >
                  {t(m.callNext)}
                </Button>
                <Space.Compact>
                  <Input
                    value={number}
                    onChange={(e) => setNumber(e.target.value.toUpperCase())}
                    placeholder={t(m.numberPlaceholder)}
                    style={{ width: 120 }}
                    data-testid="officer-number"
                  />
                  <Button
                    disabled={busy || !number || Boolean(cur)}
                    onClick={() => void run(w('call'), { number }).then((ok) => ok && setNumber(''))}
                  >
                    {t(m.callNumber)}
                  </Button>
                </Space.Compact>
              </Space>
            </Card>
            <Card title={t(m.current)} style={{ marginTop: 16 }} data-testid="officer-current">
              {!cur ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.none)} />
              ) : (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space align="baseline" wrap>
                    <span style={{ fontSize: 48, fontWeight: 800 }} data-testid="officer-current-number">
                      {cur.number}
                    </span>
                    <Tag color="blue">{cur.categoryName}</Tag>
                    <Tag data-testid="officer-current-status">{t(ticketStatusLabels[cur.status])}</Tag>
                    {cur.priority && <Tag color="gold">{t(priorityLabels[cur.priority])}</Tag>}
                    {cur.recallCount > 0 && <Tag>{t(m.recalls, { n: cur.recallCount })}</Tag>}
                    {cur.caseId && <Tag color="green">{t(m.linked)}</Tag>}
                  </Space>
                  <Space wrap>
                    <Button
                      disabled={busy || !can('recall')}
                      onClick={() => void run(`/hall/tickets/${cur.id}/recall`)}
                      data-testid="officer-recall"
                    >
                      {t(m.recall)}
                    </Button>
                    <Button
                      type="primary"
                      disabled={busy || !can('start')}
                      onClick={() => void run(`/hall/tickets/${cur.id}/start`)}
                      data-testid="officer-start"
                    >
                      {t(m.start)}
                    </Button>
                    <Button
                      type="primary"
                      disabled={busy || !can('finish')}
                      onClick={() => void run(`/hall/tickets/${cur.id}/finish`)}
                      data-testid="officer-finish"
                    >
                      {t(m.finish)}
                    </Button>
                    <Button
                      danger
                      disabled={busy || !can('no_show')}
                      onClick={() => void run(`/hall/tickets/${cur.id}/no-show`)}
                      data-testid="officer-no-show"
                    >
                      {t(m.noShow)}
                    </Button>
                    <Button
                      disabled={busy || !can('transfer')}
                      onClick={() => setTransferOpen(true)}
                      data-testid="officer-transfer"
                    >
                      {t(m.transfer)}
                    </Button>
                  </Space>
                  {cur.status === 'serving' && !cur.caseId && (
                    <Space wrap>
                      <Link
                        to={receiveFromTicket(cur.id, cur.itemId)}
                        target="_blank"
                        data-testid="officer-accept"
                      >
                        <Button>{t(m.accept)}</Button>
                      </Link>
                      <Space.Compact>
                        <Input
                          placeholder={t(m.caseNumber)}
                          value={caseNumber}
                          onChange={(e) => setCaseNumber(e.target.value)}
                          data-testid="officer-case-number"
                        />
                        <Button
                          disabled={busy || !caseNumber.trim()}
                          onClick={() =>
                            void run(`/hall/tickets/${cur.id}/link-case`, {
                              caseNumber: caseNumber.trim(),
                            }).then((ok) => ok && setCaseNumber(''))
                          }
                          data-testid="officer-link-case"
                        >
                          {t(m.linkCase)}
                        </Button>
                      </Space.Compact>
                    </Space>
                  )}
                </Space>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t(m.today)} size="small">
              <Space size="large" wrap>
                <Statistic title={t(m.served)} value={p.today.served} />
                <Statistic title={t(m.noShows)} value={p.today.noShows} />
                <Statistic title={t(m.transferred)} value={p.today.transferred} />
                <Statistic title={t(m.meanService)} value={p.today.meanServiceMinutes ?? '—'} />
              </Space>
            </Card>
            <Card title={t(m.categories)} size="small" style={{ marginTop: 16 }}>
              <Space wrap>
                {p.categories.map((c) => (
                  <Tag key={c.categoryId} color={c.waiting ? 'blue' : 'default'}>
                    {c.prefix} {c.name} · {t(m.waiting, { n: c.waiting })}
                  </Tag>
                ))}
              </Space>
            </Card>
            <Card title={t(m.next)} size="small" style={{ marginTop: 16 }}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={p.next}
                data-testid="officer-next"
                columns={[
                  { title: '#', dataIndex: 'number', width: 80 },
                  { title: t(m.category), dataIndex: 'categoryName' },
                  {
                    title: '',
                    key: 'tags',
                    render: (_: unknown, r: OfficerPanelView['next'][number]) => (
                      <Space size={2}>
                        {r.priority && <Tag color="gold">{t(priorityLabels[r.priority])}</Tag>}
                        {r.appointmentAt && <Tag color="purple">{t(m.appointment)}</Tag>}
                        {r.transferred && <Tag color="cyan">{t(m.transferredTag)}</Tag>}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Modal
        open={pauseOpen}
        title={t(m.pause)}
        onCancel={() => setPauseOpen(false)}
        onOk={() => void run(w('pause'), { reason: pauseReason }).then(() => setPauseOpen(false))}
      >
        <Input
          placeholder={t(m.reason)}
          value={pauseReason}
          onChange={(e) => setPauseReason(e.target.value)}
          maxLength={100}
        />
      </Modal>
      <TransferDialog
        open={transferOpen}
        panel={p ?? null}
        ticket={cur}
        onCancel={() => setTransferOpen(false)}
        onTransfer={async (body) => {
          if (!cur) return false;
          const ok = await run(`/hall/tickets/${cur.id}/transfer`, body);
          if (ok) setTransferOpen(false);
          return ok;
        }}
      />
    </Space>
  );
}
