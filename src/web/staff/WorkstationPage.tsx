import { Alert, Card, Col, Descriptions, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import type { ComponentType } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import type { Me } from '../../shared/contracts/auth';
import { StaffView, WindowView } from '../../shared/contracts/org';
import { roleLabels } from '../../shared/contracts/roles';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { groups, navItems } from '../nav';
import { MyCasesCard } from '../cases/MyCasesCard';
import { HallWorkstationCard } from '../hall/HallWorkstationCard';

const m = defineMessages({
  morning: { zh: '上午好，{name}', en: 'Good morning, {name}' },
  afternoon: { zh: '下午好，{name}', en: 'Good afternoon, {name}' },
  evening: { zh: '晚上好，{name}', en: 'Good evening, {name}' },
  today: { zh: '今天是 {date}', en: 'Today is {date}' },
  center: { zh: '所在中心', en: 'Center' },
  roles: { zh: '角色', en: 'Roles' },
  post: { zh: '岗位', en: 'Post' },
  badge: { zh: '挂牌号', en: 'Badge number' },
  department: { zh: '所属部门', en: 'Department' },
  myWindow: { zh: '我的窗口', en: 'My window' },
  windowNumber: { zh: '窗口号', en: 'Window number' },
  windowName: { zh: '窗口名称', en: 'Window name' },
  hall: { zh: '所在大厅', en: 'Hall' },
  kind: { zh: '类型', en: 'Kind' },
  comprehensive: { zh: '综合窗口', en: 'Comprehensive window' },
  departmentKind: { zh: '部门窗口', en: 'Department window' },
  noWindow: { zh: '尚未分配窗口', en: 'No window assigned' },
  noStaff: { zh: '本账号未关联人员档案', en: 'This account is not linked to a staff record' },
  backup: { zh: 'AB岗', en: 'Backup posts' },
  iBackUp: { zh: '我是以下人员的B岗', en: 'I am the backup (B post) of' },
  backsMeUp: { zh: '我的B岗（我不在岗时接替我）', en: 'My backup (takes over when I am absent)' },
  none: { zh: '未设置', en: 'None set' },
  windowOf: { zh: '{n} 号窗口', en: 'window {n}' },
  person: { zh: '{name}（挂牌号 {badge}）', en: '{name} (badge {badge})' },
  links: { zh: '我的功能', en: 'My screens' },
  noLinks: { zh: '暂无其他功能', en: 'No other screens' },
});

/** What every card receives: the signed-in user and, when the account belongs to a staff member, the staff record. */
interface CardProps {
  me: Me;
  staff: StaffView | null;
}

/**
 * The cards of the workstation, in display order. Features add a card here (e.g. the case queues);
 * each card loads its own data and shows only real data, never sample content.
 */
const cards: { key: string; Card: ComponentType<CardProps> }[] = [
  { key: 'window', Card: MyWindowCard },
  { key: 'cases', Card: MyCasesCard },
  { key: 'hall', Card: HallWorkstationCard },
  { key: 'backup', Card: BackupCard },
  { key: 'links', Card: LinksCard },
];

export default function WorkstationPage() {
  const { me } = useAuth();
  const staffId = me?.staffId ?? null;
  const staff = useApi(
    () => (staffId ? api('GET', `/org/staff/${staffId}`, { schema: StaffView }) : Promise.resolve(null)),
    [staffId],
  );
  if (!me) return null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Greeting me={me} staff={staff.data ?? null} />
      {staff.error && <Alert type="error" showIcon title={staff.error.message} />}
      {staff.loading && !staff.data ? (
        <Spin />
      ) : (
        <Row gutter={[16, 16]}>
          {cards.map(({ key, Card: C }) => (
            <Col key={key} xs={24} md={12} xl={8}>
              <C me={me} staff={staff.data ?? null} />
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}

function Greeting({ me, staff }: CardProps) {
  const t = useT();
  const { lang } = useLang();
  const now = new Date();
  const hour = now.getHours();
  const greeting = hour < 12 ? m.morning : hour < 18 ? m.afternoon : m.evening;
  const date = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'full' }).format(now);
  return (
    <Card data-testid="workstation-greeting">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t(greeting, { name: me.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(m.today, { date })}</Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label={t(m.center)}>{me.centerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t(m.roles)}>
          <Space size={4} wrap>
            {me.roles.map((r) => (
              <Tag key={r} color="blue">
                {t(roleLabels[r])}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        {staff && <Descriptions.Item label={t(m.post)}>{staff.post}</Descriptions.Item>}
        {staff && <Descriptions.Item label={t(m.badge)}>{staff.badgeNumber}</Descriptions.Item>}
        {staff?.departmentName && (
          <Descriptions.Item label={t(m.department)}>{staff.departmentName}</Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

const useWindowsOf = (centerId: string | undefined) =>
  useApi(
    () =>
      centerId
        ? api('GET', '/org/windows', { query: { centerId }, schema: z.array(WindowView) })
        : Promise.resolve([]),
    [centerId],
  );

function MyWindowCard({ staff }: CardProps) {
  const t = useT();
  const windows = useWindowsOf(staff?.windowId ? staff.centerId : undefined);
  const w = windows.data?.find((x) => x.id === staff?.windowId);
  const body = !staff ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.noStaff)} />
  ) : !staff.windowId ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.noWindow)} />
  ) : (
    <Descriptions size="small" column={1}>
      <Descriptions.Item label={t(m.windowNumber)}>
        <Typography.Text strong style={{ fontSize: 20 }} data-testid="workstation-window-number">
          {staff.windowNumber}
        </Typography.Text>
      </Descriptions.Item>
      {w && <Descriptions.Item label={t(m.windowName)}>{w.name}</Descriptions.Item>}
      {w && (
        <Descriptions.Item label={t(m.kind)}>
          {w.kind === 'comprehensive'
            ? t(m.comprehensive)
            : `${t(m.departmentKind)} · ${w.departmentName ?? ''}`}
        </Descriptions.Item>
      )}
      {w?.hall && <Descriptions.Item label={t(m.hall)}>{w.hall}</Descriptions.Item>}
    </Descriptions>
  );
  return (
    <Card
      title={t(m.myWindow)}
      loading={windows.loading}
      style={{ height: '100%' }}
      data-testid="workstation-window"
    >
      {body}
    </Card>
  );
}

/** AB岗: when A is absent, B takes A's window and work, so each side should know the other. */
function BackupCard({ staff }: CardProps) {
  const t = useT();
  const centerId = staff?.centerId;
  const colleagues = useApi(
    () =>
      centerId
        ? api('GET', '/org/staff', { query: { centerId }, schema: z.array(StaffView) })
        : Promise.resolve([]),
    [centerId],
  );
  const all = colleagues.data ?? [];
  const iBackUp = all.find((s) => s.id === staff?.backupOfId);
  const backsMeUp = all.filter((s) => staff && s.backupOfId === staff.id);
  const person = (s: StaffView) => (
    <li key={s.id}>
      {t(m.person, { name: s.name, badge: s.badgeNumber })}
      {s.windowNumber ? ` · ${t(m.windowOf, { n: s.windowNumber })}` : ''}
    </li>
  );
  const none = <Typography.Text type="secondary">{t(m.none)}</Typography.Text>;
  return (
    <Card
      title={t(m.backup)}
      loading={colleagues.loading}
      style={{ height: '100%' }}
      data-testid="workstation-backup"
    >
      {!staff && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.noStaff)} />}
      {staff && (
        <>
          <Typography.Text strong>{t(m.iBackUp)}</Typography.Text>
          <div>
            {iBackUp ? (
              <ul style={{ margin: '4px 0 12px', paddingLeft: 20 }}>{person(iBackUp)}</ul>
            ) : (
              (staff.backupOfName ?? none)
            )}
          </div>
          <Typography.Text strong>{t(m.backsMeUp)}</Typography.Text>
          <div>
            {backsMeUp.length ? (
              <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>{backsMeUp.map(person)}</ul>
            ) : (
              none
            )}
          </div>
        </>
      )}
    </Card>
  );
}

/** The other screens the user's roles open, grouped as in the menu. */
function LinksCard({ me }: CardProps) {
  const t = useT();
  const mine = navItems.filter(
    (n) =>
      !n.hidden &&
      n.roles !== 'public' &&
      n.path !== '/workstation' &&
      n.roles.some((r) => me.roles.includes(r)),
  );
  const byGroup = (Object.keys(groups) as (keyof typeof groups)[])
    .map((g) => ({ g, items: mine.filter((n) => n.group === g) }))
    .filter((x) => x.items.length > 0);
  return (
    <Card title={t(m.links)} style={{ height: '100%' }} data-testid="workstation-links">
      {byGroup.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.noLinks)} />}
      {byGroup.map(({ g, items }) => (
        <div key={g} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t(groups[g])}</Typography.Text>
          <div>
            <Space wrap>
              {items.map((n) => (
                <Link key={n.path} to={n.path}>
                  {t(n.label)}
                </Link>
              ))}
            </Space>
          </div>
        </div>
      ))}
    </Card>
  );
}
