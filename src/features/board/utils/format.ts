import { localDate, localDateTimeInput } from '@/lib/format';

/** "Sarah Miller" → "Sarah M." (the spec's card author, docs/domain-rules.md, The board); emails keep their local part. */
export function shortName(name: string): string {
  const clean = name.trim();
  if (clean.includes('@')) return clean.split('@')[0];
  const parts = clean.split(/\s+/).filter(Boolean);
  if (parts.length < 2) return clean || 'Teammate';
  return `${parts[0]} ${parts[parts.length - 1][0].toUpperCase()}.`;
}

/** The browser's calendar day of a timestamp (ms), for the date-range filter. */
export function localDay(time: number): string {
  return localDate(new Date(time));
}

/** ISO timestamp → value for <input type="datetime-local"> in local time. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : localDateTimeInput(d);
}

/** <input type="datetime-local"> value (local time) → ISO timestamp, or '' if empty/invalid. */
export function fromLocalInput(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
