import { Space, Typography } from 'antd';
import { DeadlineCalculator } from '../calendar/DeadlineCalculator';
import { defineMessages, useT } from '../i18n/i18n';
import { PublicShell } from './guides/PublicShell';

const m = defineMessages({
  title: { zh: '办结期限查询', en: 'When will it be done?' },
  intro: {
    zh: '输入受理通知书上的受理时间和承诺时限，即可按服务中心的工作日历算出办结期限，并逐条列出计算过程（跳过的节假日、调休上班日、暂停计时和延期）。',
    en: "Enter the acceptance time and the promised limit from your acceptance notice: the due date is computed with the center's working-day calendar, step by step (holidays skipped, make-up working days, pauses, extensions).",
  },
});

/** The public portal's calculator: no login; the county center's calendar unless another is chosen. */
export default function PublicDeadlineCalculatorPage() {
  const t = useT();
  return (
    <PublicShell>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
          {t(m.title)}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t(m.intro)}</Typography.Paragraph>
        <DeadlineCalculator />
      </Space>
    </PublicShell>
  );
}
