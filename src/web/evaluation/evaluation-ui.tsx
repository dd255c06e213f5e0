import { Button, Form, Modal, Space, Tag, Timeline, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { SatisfactionLevel } from '../../domain/evaluation/levels';
import { levelLabels, tagLabels, type Label } from '../../shared/contracts/evaluation-labels';
import { useLang } from '../i18n/i18n';

/** Instants in Beijing time, the way the hall reads them: 2026-03-05 17:30. */
export const cnTime = (iso: string | null | undefined): string =>
  iso
    ? new Date(iso)
        .toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
        .replace(/\//g, '-')
        .slice(0, 16)
    : '—';

export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;

/** The label of a word in the current language. */
export function useLabel() {
  const { lang } = useLang();
  return (l: Label | undefined, fallback = '') => (l ? (lang === 'en' ? l.en : l.zh) : fallback);
}

const levelColor: Record<SatisfactionLevel, string> = {
  very_satisfied: 'green',
  satisfied: 'lime',
  basic: 'gold',
  dissatisfied: 'orange',
  very_dissatisfied: 'red',
};

export function LevelTag({ level }: { level: SatisfactionLevel }) {
  const label = useLabel();
  return <Tag color={levelColor[level]}>{label(levelLabels[level])}</Tag>;
}

export function TagList({ tags }: { tags: readonly string[] }) {
  const label = useLabel();
  return (
    <>
      {tags.map((k) => (
        <Tag key={k}>{label(tagLabels[k as keyof typeof tagLabels], k)}</Tag>
      ))}
    </>
  );
}

/** `n` months ending with `last` ('YYYY-MM'), newest first: the choices of a month picker. */
export function monthsBefore(last: string, n: number): string[] {
  const [y, mo] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const idx = y * 12 + (mo - 1) - i;
    return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
  });
}

interface HistoryEvent {
  at: string;
  actorName: string;
  action: string;
  note: string;
  departmentName?: string | null;
}

/**
 * The record's next allowed actions as buttons (the server lists them; nothing else is offered) and
 * its history, oldest first. Shared by the rectification, complaint and 12345 drawers.
 */
export function ActionsAndHistory<A extends string>(props: {
  actions: readonly string[];
  events: readonly HistoryEvent[] | undefined;
  labels: Readonly<Record<A, Label>>;
  historyTitle: string;
  testIdPrefix: string;
  onAct: (action: A) => void;
  color?: (action: string) => string;
}) {
  const label = useLabel();
  const word = (a: string) => label(props.labels[a as A], a);
  return (
    <>
      <Space wrap>
        {props.actions.map((a) => (
          <Button key={a} data-testid={`${props.testIdPrefix}-${a}`} onClick={() => props.onAct(a as A)}>
            {word(a)}
          </Button>
        ))}
      </Space>
      <Typography.Title level={5}>{props.historyTitle}</Typography.Title>
      <Timeline
        items={(props.events ?? []).map((e) => ({
          ...(props.color ? { color: props.color(e.action) } : {}),
          children: `${cnTime(e.at)} ${e.actorName}${e.departmentName ? `（${e.departmentName}）` : ''} ${word(e.action)} ${e.note}`,
        }))}
      />
    </>
  );
}

/**
 * The dialog of the action picked in `ActionsAndHistory`: titled with the action, holding the fields
 * the page asks for that action. Above the drawer it opens from (zIndex), rendered while closed so
 * the page's form instance is always connected.
 */
export function ActionDialog<A extends string>(props: {
  acting: A | null;
  labels: Readonly<Record<A, Label>>;
  form: FormInstance;
  formName: string;
  onOk: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const label = useLabel();
  return (
    <Modal
      zIndex={1100}
      open={props.acting !== null}
      title={props.acting ? label(props.labels[props.acting]) : ''}
      onOk={props.onOk}
      onCancel={props.onCancel}
      destroyOnHidden
      forceRender
    >
      <Form form={props.form} layout="vertical" name={props.formName}>
        {props.children}
      </Form>
    </Modal>
  );
}
