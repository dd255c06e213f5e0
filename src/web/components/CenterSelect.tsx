import { Select } from 'antd';
import { useEffect } from 'react';
import { useAuth } from '../auth/auth';
import { useLang } from '../i18n/i18n';
import { useCenters } from './org-hooks';

const levelLabel = {
  county: { zh: '县级', en: 'County' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '村', en: 'Village' },
};

/** Pick a center inside the user's scope; starts on the user's own center. */
export function CenterSelect({
  value,
  onChange,
}: {
  value?: string | undefined;
  onChange: (id: string) => void;
}) {
  const { me } = useAuth();
  const { lang } = useLang();
  const { data } = useCenters();
  useEffect(() => {
    if (!value && me?.centerId) onChange(me.centerId);
  }, [value, me, onChange]);
  return (
    <Select
      style={{ minWidth: 260 }}
      value={value}
      onChange={onChange}
      data-testid="center-select"
      options={(data ?? []).map((c) => ({
        value: c.id,
        label: `${'\u3000'.repeat(c.level === 'county' ? 0 : c.level === 'township' ? 1 : 2)}${c.name} (${levelLabel[c.level][lang === 'en' ? 'en' : 'zh']})`,
      }))}
    />
  );
}
