// French formatting of the API's money and times (shown in the centres' time zone).
const TZ = 'Europe/Paris';
const money = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const hm = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: TZ });
const dayLong = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ });
const dayShort = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'short', timeZone: TZ });
const dayNumeric = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TZ });
const isoDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TZ });

/** 7900 → "79,00 €". */
export const euros = (cents: number) => money.format(cents / 100);
/** "08:15". */
export const time = (iso: string) => hm.format(new Date(iso));
/** "jeudi 3 décembre 2026". */
export const longDate = (iso: string) => dayLong.format(new Date(iso));
/** "jeu. 3 déc.". */
export const shortDate = (iso: string) => dayShort.format(new Date(iso));
/** "03/12/2026". */
export const numericDate = (iso: string) => dayNumeric.format(new Date(iso));
/** "jeudi 3 décembre 2026 à 08:15". */
export const when = (iso: string) => `${longDate(iso)} à ${time(iso)}`;
/** The local date (Europe/Paris) of an instant, as YYYY-MM-DD. */
export const localDay = (iso: string | Date) => isoDay.format(typeof iso === 'string' ? new Date(iso) : iso);
/** Today in France, as YYYY-MM-DD. */
export const today = () => localDay(new Date());
