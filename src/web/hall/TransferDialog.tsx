import { Modal, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { OfficerPanelView, TicketView } from '../../shared/contracts/hall';
import { defineMessages, useT } from '../i18n/i18n';
import { words } from '../i18n/words';

const m = defineMessages({
  title: { zh: '转窗', en: 'Transfer' },
  toWindow: { zh: '转至窗口（只列出能办理该业务的窗口）', en: 'To window (only windows that can serve it)' },
  toCategory: { zh: '改为业务类别（可选）', en: 'Change category (optional)' },
});

/**
 * 转窗: pick the target window among those able to serve the ticket's category (or the category the
 * visitor is re-triaged into). The ticket keeps its number and its place in the target's queue.
 */
export function TransferDialog({
  open,
  panel,
  ticket,
  onCancel,
  onTransfer,
}: {
  open: boolean;
  panel: OfficerPanelView | null;
  ticket: TicketView | null;
  onCancel: () => void;
  onTransfer: (body: { toWindowId: string; toCategoryId?: string }) => Promise<boolean>;
}) {
  const t = useT();
  const [toWindow, setToWindow] = useState<string>();
  const [toCategory, setToCategory] = useState<string>();
  const targets = useMemo(
    () =>
      panel && ticket
        ? panel.transferTargets.filter((w) => w.categoryIds.includes(toCategory ?? ticket.categoryId))
        : [],
    [panel, ticket, toCategory],
  );
  return (
    <Modal
      open={open}
      title={t(m.title)}
      onCancel={onCancel}
      okButtonProps={{ disabled: !toWindow }}
      onOk={() =>
        toWindow &&
        void onTransfer({ toWindowId: toWindow, ...(toCategory ? { toCategoryId: toCategory } : {}) }).then(
          (ok) => {
            if (ok) {
              setToWindow(undefined);
              setToCategory(undefined);
            }
          },
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t(m.toCategory)}</Typography.Text>
        <Select
          allowClear
          style={{ width: '100%' }}
          value={toCategory}
          onChange={(v: string | undefined) => {
            setToCategory(v);
            setToWindow(undefined);
          }}
          options={(panel?.hallCategories ?? []).map((c) => ({
            value: c.id,
            label: `${c.prefix} ${c.name}`,
          }))}
        />
        <Typography.Text>{t(m.toWindow)}</Typography.Text>
        <Select
          style={{ width: '100%' }}
          value={toWindow}
          onChange={setToWindow}
          data-testid="officer-transfer-window"
          options={targets.map((x) => ({
            value: x.id,
            label: `${t(words.windowNo, { n: x.number })} ${x.name}`,
          }))}
        />
      </Space>
    </Modal>
  );
}
