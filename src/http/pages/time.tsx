// A moment as people read it: the server writes UTC (and says so), and
// /static/local-time.js shows it in the reader's time zone and language.

/** `at` (ms or ISO) in the page language, in UTC until the script makes it local. */
export const LocalTime = ({ at, lang }: { at: number | string | null; lang: string }) => {
  if (at === null || at === '') return <>—</>;
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return <>{String(at)}</>;
  const utc = utcText(at, lang);
  return (
    <time datetime={d.toISOString()} data-local>
      {utc}
    </time>
  );
};

/** `at` in UTC, saying so, for text a message puts a time in. */
export const utcText = (at: number | string, lang: string) =>
  `${new Date(at).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
