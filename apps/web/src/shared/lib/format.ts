import dayjs from 'dayjs';

export const MOMENT_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** A moment in local time, `YYYY-MM-DD HH:mm:ss`; an em dash when empty. */
export function formatMoment(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(MOMENT_FORMAT) : value;
}

/** True when the ISO moment lies in the future. */
export function isFuture(value: string | null | undefined): boolean {
  return !!value && dayjs(value).isAfter(dayjs());
}
