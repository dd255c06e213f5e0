/**
 * The call announcement (叫号语音/屏显) from a per-hall template with placeholders, as hall systems
 * configure it (default "请{number}号到{window}号窗口办理"). Unknown placeholders stay visible so a
 * typo in the template is noticed on the first call.
 */
export const DEFAULT_ANNOUNCEMENT = '请{number}号到{window}号窗口办理';
export const announcementPlaceholders = ['number', 'window', 'category'] as const;

export interface AnnouncementVars {
  readonly number: string;
  readonly window: string;
  readonly category?: string;
}

export function renderAnnouncement(template: string, v: AnnouncementVars): string {
  const values: Record<string, string> = { number: v.number, window: v.window, category: v.category ?? '' };
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

const digits = '零一二三四五六七八九';

/**
 * The ticket number as a zh-CN voice should say it: digit by digit ("A012" → "A零一二"), as halls
 * announce numbers, instead of the "A十二" a speech engine would read.
 */
export const spokenTicketNumber = (n: string): string => n.replace(/\d/g, (d) => digits[Number(d)]!);

/** The text for speech synthesis: the template with the number spelled digit by digit. */
export const spokenAnnouncement = (template: string, v: AnnouncementVars): string =>
  renderAnnouncement(template, { ...v, number: spokenTicketNumber(v.number) });
