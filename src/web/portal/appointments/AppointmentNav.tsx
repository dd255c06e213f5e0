import { Space } from 'antd';
import { Link } from 'react-router';
import { defineMessages, useT } from '../../i18n/i18n';

const m = defineMessages({
  book: { zh: '网上预约', en: 'Book' },
  mine: { zh: '我的预约', en: 'My bookings' },
  checkIn: { zh: '签到取号', en: 'Check in' },
  directory: { zh: '窗口服务电话表', en: 'Window directory' },
  reception: { zh: '企业接待预约', en: 'Enterprise reception' },
});

/** Links between the public appointment pages. */
export function AppointmentNav() {
  const t = useT();
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <Link to="/appointments/book">{t(m.book)}</Link>
      <Link to="/appointments/mine">{t(m.mine)}</Link>
      <Link to="/appointments/check-in">{t(m.checkIn)}</Link>
      <Link to="/windows">{t(m.directory)}</Link>
      <Link to="/reception">{t(m.reception)}</Link>
    </Space>
  );
}
