import {
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { HistoryEntry, type ItemVersionDetail, type VersionAction } from '../../shared/contracts/catalog';
import {
  caseTypeLabels,
  formatLimit,
  versionActionLabels,
  versionStatusLabels,
} from '../../shared/contracts/catalog-labels';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { AssignmentsCard } from './AssignmentsCard';
import { useItemDetail, useLabel, useVersion } from './catalog-hooks';
import { formatChangeField, formatChangeValue } from './change-format';

const m = defineMessages({
  codes: { zh: '基本编码 / 实施编码', en: 'Basic / implementation code' },
  department: { zh: '实施部门', en: 'Department' },
  caseType: { zh: '办件类型', en: 'Case type' },
  promised: { zh: '承诺时限', en: 'Promised limit' },
  legal: { zh: '法定时限', en: 'Legal limit' },
  guide: { zh: '查看办事指南', en: 'Public guide' },
  pdf: { zh: '打印指南（PDF）', en: 'Printable guide (PDF)' },
  versions: { zh: '版本', en: 'Versions' },
  version: { zh: '第 {n} 版', en: 'v{n}' },
  status: { zh: '状态', en: 'Status' },
  effectiveFrom: { zh: '生效日期', en: 'In force from' },
  changeNote: { zh: '变更说明', en: 'Change note' },
  approvedBy: { zh: '批准人', en: 'Approved by' },
  newVersion: { zh: '新建修订版本', en: 'New revision' },
  open: { zh: '在办版本：第 {n} 版（{status}）', en: 'Open version: v{n} ({status})' },
  edit: { zh: '修改草稿', en: 'Edit draft' },
  comment: { zh: '审核意见', en: 'Comment' },
  addComment: { zh: '发表意见', en: 'Comment' },
  effectiveFromHint: {
    zh: '生效日期（默认今天，YYYY-MM-DD）',
    en: 'In force from (default today, YYYY-MM-DD)',
  },
  history: { zh: '变更历史', en: 'History' },
  noChanges: { zh: '首个发布版本', en: 'First published version' },
  done: { zh: '操作成功', en: 'Done' },
});

export default function ItemDetailPage() {
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { me, hasRole } = useAuth();
  const detail = useItemDetail(id);
  const openId = detail.data?.item.open?.id;
  const open = useVersion(openId);
  const history = useApi(
    () => api('GET', `/catalog/items/${id}/history`, { schema: z.array(HistoryEntry) }),
    [id],
  );
  const [comment, setComment] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');

  if (!detail.data) return <Spin />;
  const { item, versions } = detail.data;
  const admin = hasRole('admin');
  const reviewer = hasRole('approver', 'chief_rep') && me?.departmentId === item.departmentId;
  const reload = () => {
    detail.reload();
    history.reload();
    open.reload();
  };
  const act = async (action: VersionAction) => {
    try {
      await api('POST', `/catalog/versions/${openId}/actions`, {
        body: { action, comment, ...(effectiveFrom ? { effectiveFrom } : {}) },
      });
      void message.success(t(m.done));
      setComment('');
      reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const newVersion = async () => {
    try {
      const v = await api<{ id: string }>('POST', `/catalog/items/${item.id}/versions`, { body: {} });
      void navigate(`/catalog/versions/${v.id}/edit`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const addComment = async () => {
    try {
      await api('POST', `/catalog/versions/${openId}/comments`, { body: { comment } });
      setComment('');
      open.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="item-title">
          {item.name}
        </Typography.Title>
        <Space>
          {item.current && (
            <>
              <Link to={`/guides/${item.id}`}>{t(m.guide)}</Link>
              <a href={`/api/public/guides/${item.id}/pdf`} target="_blank" rel="noreferrer">
                {t(m.pdf)}
              </a>
            </>
          )}
          {admin && !item.open && (
            <Button onClick={() => void newVersion()} data-testid="version-create">
              {t(m.newVersion)}
            </Button>
          )}
        </Space>
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t(m.codes)}>
          {item.basicCode} / {item.implCode}
        </Descriptions.Item>
        <Descriptions.Item label={t(m.department)}>{item.departmentName}</Descriptions.Item>
        <Descriptions.Item label={t(m.caseType)}>{label(caseTypeLabels[item.caseType])}</Descriptions.Item>
        <Descriptions.Item label={t(m.promised)}>
          {formatLimit(item.promisedLimit, lang)}（{t(m.legal)} {formatLimit(item.legalLimit, lang)}）
        </Descriptions.Item>
      </Descriptions>

      {open.data && (
        <OpenVersionCard
          v={open.data}
          canEdit={admin}
          canAct={{
            submit: admin && open.data.status === 'draft',
            approve:
              (open.data.status === 'department_review' && reviewer) ||
              (open.data.status === 'center_review' && admin),
            return:
              (open.data.status === 'department_review' && reviewer) ||
              (open.data.status === 'center_review' && admin),
            cancel: admin,
          }}
          comment={comment}
          setComment={setComment}
          effectiveFrom={effectiveFrom}
          setEffectiveFrom={setEffectiveFrom}
          onAct={(a) => void act(a)}
          onComment={() => void addComment()}
          onEdit={() => void navigate(`/catalog/versions/${open.data!.id}/edit`)}
        />
      )}

      <Card size="small" title={t(m.versions)}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={versions}
          columns={[
            { title: '', dataIndex: 'versionNo', width: 80, render: (n: number) => t(m.version, { n }) },
            {
              title: t(m.status),
              dataIndex: 'status',
              render: (s: keyof typeof versionStatusLabels, r) => (
                <Tag
                  color={
                    s === 'published'
                      ? r.id === item.current?.id
                        ? 'green'
                        : 'default'
                      : s === 'cancelled'
                        ? 'default'
                        : 'orange'
                  }
                >
                  {label(versionStatusLabels[s])}
                </Tag>
              ),
            },
            { title: t(m.effectiveFrom), dataIndex: 'effectiveFrom' },
            { title: t(m.changeNote), dataIndex: 'changeNote' },
            { title: t(m.approvedBy), dataIndex: 'approvedByName' },
          ]}
        />
      </Card>

      <Card size="small" title={t(m.history)}>
        {(history.data ?? []).filter((h) => h.status === 'published').length === 0 && <Empty />}
        <Timeline
          items={(history.data ?? [])
            .filter((h) => h.status === 'published')
            .map((h) => ({
              key: h.versionId,
              children: (
                <Space direction="vertical" size={2}>
                  <Typography.Text strong>
                    {t(m.version, { n: h.versionNo })} · {h.effectiveFrom} · {t(m.approvedBy)}{' '}
                    {h.approvedByName ?? '—'} {h.changeNote ? `· ${h.changeNote}` : ''}
                  </Typography.Text>
                  {h.changes.length === 0 && (
                    <Typography.Text type="secondary">{t(m.noChanges)}</Typography.Text>
                  )}
                  {h.changes.map((c) => (
                    <Typography.Text key={c.field} data-testid="history-change">
                      {formatChangeField(c.field, lang)}：{formatChangeValue(c.before, lang, c.field)} →{' '}
                      {formatChangeValue(c.after, lang, c.field)}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            }))}
        />
      </Card>

      <AssignmentsCard itemId={item.id} centerId={item.centerId} editable={admin} />
    </Space>
  );
}

function OpenVersionCard(p: {
  v: ItemVersionDetail;
  canEdit: boolean;
  canAct: Record<'submit' | 'approve' | 'return' | 'cancel', boolean>;
  comment: string;
  setComment: (s: string) => void;
  effectiveFrom: string;
  setEffectiveFrom: (s: string) => void;
  onAct: (a: VersionAction) => void;
  onComment: () => void;
  onEdit: () => void;
}) {
  const t = useT();
  const label = useLabel();
  const { v } = p;
  return (
    <Card
      size="small"
      title={t(m.open, { n: v.versionNo, status: label(versionStatusLabels[v.status]) })}
      data-testid="open-version"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          rows={2}
          placeholder={t(m.comment)}
          value={p.comment}
          onChange={(e) => p.setComment(e.target.value)}
          data-testid="version-comment"
        />
        {v.status === 'center_review' && p.canAct.approve && (
          <Input
            placeholder={t(m.effectiveFromHint)}
            value={p.effectiveFrom}
            onChange={(e) => p.setEffectiveFrom(e.target.value)}
            style={{ width: 320 }}
          />
        )}
        <Space wrap>
          {v.status === 'draft' && p.canEdit && (
            <Button onClick={p.onEdit} data-testid="version-edit">
              {t(m.edit)}
            </Button>
          )}
          {(['submit', 'approve', 'return', 'cancel'] as const)
            .filter((a) => p.canAct[a])
            .map((a) => (
              <Button
                key={a}
                type={a === 'approve' || a === 'submit' ? 'primary' : 'default'}
                danger={a === 'cancel'}
                onClick={() => p.onAct(a)}
                data-testid={`version-${a}`}
              >
                {label(versionActionLabels[a])}
              </Button>
            ))}
          <Button onClick={p.onComment} disabled={!p.comment.trim()}>
            {t(m.addComment)}
          </Button>
        </Space>
        <Timeline
          items={v.events.map((e) => ({
            key: e.id,
            children: (
              <Typography.Text>
                {new Date(e.at).toLocaleString()} · {e.actorName} · {e.action}
                {e.toStatus && e.toStatus !== e.fromStatus
                  ? ` → ${label(versionStatusLabels[e.toStatus])}`
                  : ''}
                {e.comment ? `：${e.comment}` : ''}
              </Typography.Text>
            ),
          }))}
        />
      </Space>
    </Card>
  );
}
