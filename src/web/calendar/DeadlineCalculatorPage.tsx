import { Space, Typography } from 'antd';
import { useAuth } from '../auth/auth';
import { defineMessages, useT } from '../i18n/i18n';
import { DeadlineCalculator } from './DeadlineCalculator';

const m = defineMessages({
  title: { zh: '办结期限计算', en: 'Deadline calculator' },
  intro: {
    zh: '按本中心的工作日历计算：输入受理时间和办理时限，可加入暂停计时和延期。',
    en: "Computed with this center's working-day calendar: enter the acceptance time and the limit, with pauses and extensions if any.",
  },
});

/** Staff: "when will this be done?" — on their own center's calendar by default. */
export default function DeadlineCalculatorPage() {
  const t = useT();
  const { me } = useAuth();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(m.title)}
      </Typography.Title>
      <Typography.Text type="secondary">{t(m.intro)}</Typography.Text>
      <DeadlineCalculator defaultCenterId={me?.centerId ?? undefined} />
    </Space>
  );
}
