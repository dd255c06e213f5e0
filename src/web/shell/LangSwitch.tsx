import { Segmented } from 'antd';
import { useLang } from '../i18n/i18n';

export function LangSwitch() {
  const { lang, setLang } = useLang();
  return (
    <Segmented
      size="small"
      value={lang}
      onChange={(v) => setLang(v === 'en' ? 'en' : 'zh-CN')}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
