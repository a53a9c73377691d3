import { useMemo } from 'react';
import { useI18n } from '@/lib/i18n';

/**
 * Times of a session in a named IANA zone (the session's, the viewer's, the other side's), in the
 * interface language: a participant in Tunis never converts from Rome or UTC in their head.
 */
export function useZonedTime() {
  const { lang, timeZone } = useI18n();
  return useMemo(() => {
    const cache = new Map<string, Intl.DateTimeFormat>();
    const formatter = (zone: string, withDate: boolean) => {
      const key = `${zone}|${withDate}`;
      let f = cache.get(key);
      if (!f) {
        f = new Intl.DateTimeFormat(lang, withDate ? { dateStyle: 'medium', timeStyle: 'short', timeZone: zone } : { timeStyle: 'short', timeZone: zone });
        cache.set(key, f);
      }
      return f;
    };
    return {
      viewerZone: timeZone,
      /** Time of day in the zone. */
      time: (iso: string, zone: string = timeZone) => formatter(zone, false).format(new Date(iso)),
      /** Date and time in the zone. */
      dateTime: (iso: string, zone: string = timeZone) => formatter(zone, true).format(new Date(iso)),
      /** A local calendar date (YYYY-MM-DD, no zone of its own) in words. */
      localDate: (date: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`)),
      /** The zone's city, for labels ("Africa/Tunis" → "Tunis"). */
      city: (zone: string) => (zone.split('/').pop() ?? zone).replace(/_/g, ' '),
    };
  }, [lang, timeZone]);
}
