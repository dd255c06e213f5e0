import { Alert, Button, Card, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { CheckInView } from '../../../shared/contracts/appointments';
import { api } from '../../api/client';
import { defineMessages, useT } from '../../i18n/i18n';
import { PublicShell } from '../guides/PublicShell';

const m = defineMessages({
  title: { zh: '预约签到取号', en: 'Appointment check-in' },
  hint: { zh: '请输入身份证号或预约码（二选一）', en: 'Enter your ID number or booking code' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  code: { zh: '预约码', en: 'Booking code' },
  go: { zh: '签到取号', en: 'Check in' },
  ticket: { zh: '您的号码', en: 'Your number' },
  sub: {
    zh: '{hall} · {category}，预约到时优先叫号，请留意叫号屏',
    en: '{hall} · {category}: appointments are called first when their time comes',
  },
  next: { zh: '完成', en: 'Done' },
});

/** The kiosk's check-in screen: a booking becomes an appointment ticket, called before walk-ins. */
export default function CheckInPage() {
  const t = useT();
  const [idNumber, setIdNumber] = useState('');
  const [code, setCode] = useState('');
  const [out, setOut] = useState<CheckInView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setError(null);
    try {
      const body = idNumber.trim() ? { idNumber: idNumber.trim() } : { code: code.trim() };
      setOut(await api('POST', '/public/appointments/check-in', { body, schema: CheckInView }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (out)
    return (
      <PublicShell>
        <Result
          status="success"
          title={
            <Space direction="vertical">
              <Typography.Text>{t(m.ticket)}</Typography.Text>
              <Typography.Title level={1} style={{ margin: 0, fontSize: 64 }} data-testid="ticket-number">
                {out.ticket.number}
              </Typography.Title>
            </Space>
          }
          subTitle={t(m.sub, { hall: out.ticket.hallName, category: out.ticket.categoryName })}
          extra={
            <Button
              size="large"
              onClick={() => {
                setOut(null);
                setIdNumber('');
                setCode('');
              }}
            >
              {t(m.next)}
            </Button>
          }
        />
      </PublicShell>
    );
  return (
    <PublicShell>
      <Card title={t(m.title)} style={{ maxWidth: 560, margin: '24px auto' }}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t(m.hint)}</Typography.Text>
          <Input
            size="large"
            placeholder={t(m.idNumber)}
            value={idNumber}
            onChange={(e) => {
              setIdNumber(e.target.value);
              setCode('');
            }}
            maxLength={18}
            data-testid="checkin-id"
          />
          <Input
            size="large"
            placeholder={t(m.code)}
            value={code}
            onChange={(e) => {
              setCode(e.target.value.toUpperCase());
              setIdNumber('');
            }}
            maxLength={8}
            data-testid="checkin-code"
          />
          {error && <Alert type="error" message={error} />}
          <Button
            type="primary"
            size="large"
            block
            disabled={!idNumber.trim() && !code.trim()}
            onClick={() => void go()}
          >
            {t(m.go)}
          </Button>
        </Space>
      </Card>
    </PublicShell>
  );
}
