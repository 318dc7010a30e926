// Times in the reader's own time zone: <time datetime="…" data-local> is
// written by the server in UTC (saying so); here it becomes the browser's
// local time, formatted for the page language. Without script, UTC stays.
const lang = document.documentElement.lang || undefined;
const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
for (const el of document.querySelectorAll('time[data-local]')) {
  const at = new Date(el.getAttribute('datetime'));
  if (!Number.isNaN(at.getTime())) {
    el.title = el.textContent;
    el.textContent = format.format(at);
  }
}
