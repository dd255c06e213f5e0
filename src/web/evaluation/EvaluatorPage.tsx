import { Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { isBadReview } from '../../domain/evaluation/levels';
import { DeviceView, EvaluationReceipt, PromptResponse } from '../../shared/contracts/evaluation';
import { api, ApiError } from '../api/client';
import { defineMessages, useT } from '../i18n/i18n';
import { LangSwitch } from '../shell/LangSwitch';
import { OfficerBadge } from './OfficerBadge';
import { RatingForm, type RatingValue } from './RatingForm';

const m = defineMessages({
  window: { zh: '{n}号窗口', en: 'Window {n}' },
  welcome: { zh: '欢迎您对我们的服务进行评价', en: 'Your opinion of our service is welcome' },
  ask: { zh: '请对本次服务进行评价', en: 'Please rate this service' },
  item: { zh: '办理事项：{name}（{label}）', en: 'Service: {name} ({label})' },
  thanks: { zh: '感谢您的评价！', en: 'Thank you for your rating!' },
  followUp: {
    zh: '我们将尽快与您联系，了解情况并改进。',
    en: 'We will contact you shortly to learn more and put it right.',
  },
  skip: { zh: '跳过', en: 'Skip' },
  unknown: {
    zh: '评价器未绑定或已停用，请联系管理员',
    en: 'This evaluator is not bound: contact the administrator',
  },
});

const POLL_MS = 3000;
const THANKS_MS = 5000;

/**
 * The window evaluator (评价器): a tablet bound to a window by the key in its address. It shows the
 * officer on duty, asks for a rating when a ticket or case at the window ends, thanks and resets.
 * Evaluation is voluntary (GB/T 39734: 自愿真实): the applicant may skip.
 */
export default function EvaluatorPage() {
  const t = useT();
  const { key = '' } = useParams();
  const [device, setDevice] = useState<DeviceView | null>(null);
  const [prompt, setPrompt] = useState<PromptResponse['prompt']>(null);
  const [thanks, setThanks] = useState<'good' | 'bad' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unknown, setUnknown] = useState(false);

  useEffect(() => {
    api('GET', `/evaluation/device/${key}`, { schema: DeviceView }).then(setDevice, () => setUnknown(true));
  }, [key]);

  const poll = useCallback(() => {
    api('GET', `/evaluation/device/${key}/prompt`, { schema: PromptResponse }).then(
      (r) => setPrompt(r.prompt),
      () => undefined,
    );
  }, [key]);
  useEffect(() => {
    if (thanks) return;
    poll();
    const id = setInterval(poll, POLL_MS);
    return () => clearInterval(id);
  }, [poll, thanks]);
  useEffect(() => {
    if (!thanks) return;
    const id = setTimeout(() => {
      setThanks(null);
      setPrompt(null);
    }, THANKS_MS);
    return () => clearTimeout(id);
  }, [thanks]);

  const submit = async (v: RatingValue) => {
    if (!prompt) return;
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/evaluation/invitations/${prompt.token}/evaluations`, {
        body: { ...v, channel: 'window_device', deviceKey: key },
        schema: EvaluationReceipt,
      });
      setThanks(isBadReview(v.level) ? 'bad' : 'good');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const skip = () => {
    if (prompt)
      void api('POST', `/evaluation/device/${key}/dismiss/${prompt.token}`).finally(() => setPrompt(null));
  };

  if (unknown) return <Result status="warning" title={t(m.unknown)} />;
  if (!device) return <Spin fullscreen />;
  const officer = prompt?.officer ?? device.officer;
  return (
    <div
      data-testid="evaluator"
      style={{
        minHeight: '100vh',
        background: '#f0f5ff',
        padding: 32,
        display: 'flex',
        flexDirection: 'column',
        gap: 28,
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <div style={{ fontSize: 26, fontWeight: 700, color: '#1d39c4' }}>
          {device.centerName} · {t(m.window, { n: device.window.number })}
        </div>
        <LangSwitch />
      </div>
      <OfficerBadge officer={officer} big />
      {thanks ? (
        <Result
          status="success"
          data-testid="evaluator-thanks"
          title={<span style={{ fontSize: 40 }}>{t(m.thanks)}</span>}
          subTitle={thanks === 'bad' ? <span style={{ fontSize: 22 }}>{t(m.followUp)}</span> : null}
        />
      ) : prompt ? (
        <div data-testid="evaluator-prompt" style={{ display: 'flex', flexDirection: 'column', gap: 20 }}>
          <div style={{ fontSize: 36, fontWeight: 700, textAlign: 'center' }}>{t(m.ask)}</div>
          <div style={{ fontSize: 20, textAlign: 'center', color: '#555' }}>
            {t(m.item, { name: prompt.itemName || '—', label: prompt.subjectLabel })}
          </div>
          <RatingForm
            size="huge"
            busy={busy}
            onSubmit={(v) => void submit(v)}
            tagRequired={device.badReviewTagRequired}
          />
          {error && <div style={{ color: '#cf1322', fontSize: 18, textAlign: 'center' }}>{error}</div>}
          <div style={{ textAlign: 'center' }}>
            <Button size="large" onClick={skip}>
              {t(m.skip)}
            </Button>
          </div>
        </div>
      ) : (
        <div
          style={{ fontSize: 34, textAlign: 'center', color: '#1d39c4', marginTop: 60 }}
          data-testid="evaluator-idle"
        >
          {t(m.welcome)}
        </div>
      )}
    </div>
  );
}
