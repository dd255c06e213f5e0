import { Button, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isBadReview, satisfactionLevels, type SatisfactionLevel } from '../../domain/evaluation/levels';
import {
  badReviewTags,
  levelLabels,
  tagLabels,
  type BadReviewTag,
} from '../../shared/contracts/evaluation-labels';
import { defineMessages, useLang, useT } from '../i18n/i18n';

const m = defineMessages({
  why: { zh: '请选择不满意的原因（可多选）', en: 'What went wrong? (choose one or more)' },
  comment: { zh: '补充说明（选填）', en: 'Anything to add (optional)' },
  submit: { zh: '提交评价', en: 'Submit' },
  back: { zh: '重新选择', en: 'Choose again' },
  tagRequired: { zh: '请至少选择一项原因', en: 'Choose at least one reason' },
});

/** Faces from best to worst, the colours of a traffic light. */
const faces: Record<SatisfactionLevel, { face: string; color: string }> = {
  very_satisfied: { face: '😄', color: '#389e0d' },
  satisfied: { face: '🙂', color: '#7cb305' },
  basic: { face: '😐', color: '#d4b106' },
  dissatisfied: { face: '🙁', color: '#d46b08' },
  very_dissatisfied: { face: '😠', color: '#cf1322' },
};

export interface RatingValue {
  level: SatisfactionLevel;
  tags: BadReviewTag[];
  comment: string;
}

/**
 * The rating form of the window evaluator and of the phone link: five big faces; a good face submits
 * at once (one tap), a bad one asks for the reasons first (GB/T 39734 差评 content).
 */
export function RatingForm({
  onSubmit,
  busy,
  size = 'large',
  tagRequired = true,
}: {
  onSubmit: (v: RatingValue) => void;
  busy?: boolean;
  size?: 'large' | 'huge';
  tagRequired?: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  const [bad, setBad] = useState<SatisfactionLevel | null>(null);
  const [tags, setTags] = useState<BadReviewTag[]>([]);
  const [comment, setComment] = useState('');
  const px = size === 'huge' ? 112 : 64;
  const label = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);

  if (bad) {
    const missing = tagRequired && tags.length === 0;
    return (
      <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="bad-review-form">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {faces[bad].face} {label(levelLabels[bad])}
        </Typography.Title>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {t(m.why)}
        </Typography.Text>
        <Space wrap size={[12, 12]}>
          {badReviewTags.map((k) => (
            <Tag.CheckableTag
              key={k}
              data-testid={`tag-${k}`}
              checked={tags.includes(k)}
              onChange={(on) => setTags((x) => (on ? [...x, k] : x.filter((y) => y !== k)))}
              style={{ fontSize: 18, padding: '8px 16px', border: '1px solid #d9d9d9' }}
            >
              {label(tagLabels[k])}
            </Tag.CheckableTag>
          ))}
        </Space>
        <Input.TextArea
          aria-label={t(m.comment)}
          placeholder={t(m.comment)}
          maxLength={500}
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <Space>
          <Button
            type="primary"
            size="large"
            danger
            disabled={missing}
            loading={busy}
            data-testid="rating-submit"
            onClick={() => onSubmit({ level: bad, tags, comment })}
          >
            {t(m.submit)}
          </Button>
          <Button size="large" onClick={() => setBad(null)}>
            {t(m.back)}
          </Button>
          {missing && <Typography.Text type="secondary">{t(m.tagRequired)}</Typography.Text>}
        </Space>
      </Space>
    );
  }
  return (
    <div style={{ display: 'flex', gap: 12, justifyContent: 'center', flexWrap: 'wrap' }}>
      {satisfactionLevels.map((l) => (
        <button
          key={l}
          type="button"
          data-testid={`level-${l}`}
          aria-label={label(levelLabels[l])}
          disabled={busy}
          onClick={() => (isBadReview(l) ? setBad(l) : onSubmit({ level: l, tags: [], comment: '' }))}
          style={{
            border: `3px solid ${faces[l].color}`,
            borderRadius: 16,
            background: '#fff',
            cursor: 'pointer',
            padding: '12px 8px',
            width: px * 1.6,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            gap: 6,
          }}
        >
          <span style={{ fontSize: px, lineHeight: 1 }}>{faces[l].face}</span>
          <span style={{ fontSize: size === 'huge' ? 22 : 15, color: faces[l].color, fontWeight: 600 }}>
            {label(levelLabels[l])}
          </span>
        </button>
      ))}
    </div>
  );
}
