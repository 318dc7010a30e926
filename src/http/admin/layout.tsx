import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import type { HttpEnv } from '../env.ts';
import { setFlash, takeFlash } from '../flash.ts';
import { Csrf } from '../pages/layout.tsx';
import { adminOf } from './guard.ts';

// The admin portal's pages, in the request's language (Accept-Language): the
// words are the catalogs' admin.* messages (src/i18n/locales/admin/).

const NAV: [string, MessageKey][] = [
  ['/admin/users', 'admin.nav.users'],
  ['/admin/groups', 'admin.nav.groups'],
  ['/admin/bulk', 'admin.nav.bulk'],
  ['/admin/settings', 'admin.nav.settings'],
  ['/admin/methods-policy', 'admin.nav.methodsPolicy'],
  ['/admin/reports', 'admin.nav.reports'],
  ['/admin/logs/signins', 'admin.nav.signins'],
  ['/admin/logs/audit', 'admin.nav.audit'],
  ['/admin/tokens', 'admin.nav.tokens'],
  ['/admin/apps', 'admin.nav.apps'],
  ['/admin/directory', 'admin.nav.directory'],
];

export interface AdminPageProps {
  t: Translate;
  /** The page language (BCP 47), for `<html lang>`. */
  lang: string;
  title: string;
  /** Which nav entry is current. */
  section: string;
  admin: string;
  csrfToken: string;
  children: Child;
}

export const AdminLayout = (p: AdminPageProps) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.t('admin.layout.title', { title: p.title })}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/local-time.js" defer />
      </head>
      <body class="admin">
        <a class="skip" href="#content">
          {p.t('admin.layout.skip')}
        </a>
        <header class="admin-bar">
          <p class="brand">{p.t('admin.layout.brand')}</p>
          <nav aria-label={p.t('admin.layout.nav')}>
            <ul>
              {NAV.map(([href, label]) => (
                <li>
                  <a href={href} aria-current={p.section === href ? 'page' : undefined}>
                    {p.t(label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <form method="post" action="/signout" class="signout">
            <Csrf token={p.csrfToken} />
            <span class="muted">{p.admin}</span>{' '}
            <button type="submit" class="link">
              {p.t('admin.layout.signOut')}
            </button>
          </form>
        </header>
        <main id="content" class="admin-main" tabindex={-1}>
          <h1>{p.title}</h1>
          {p.children}
        </main>
      </body>
    </html>
  </>
);

export const Notice = ({ message }: { message: string | undefined }) =>
  message ? (
    <p class="notice" role="status">
      {message}
    </p>
  ) : null;

/** A destructive or far-reaching action asks first: what will happen, then Confirm or Cancel. */
export const Confirm = (p: {
  t: Translate;
  action: string;
  csrfToken: string;
  what: Child;
  fields: [string, string][];
  confirmLabel: string;
  cancelHref: string;
  danger?: boolean;
}) => (
  <section class="confirm" aria-labelledby="confirm-title">
    <h2 id="confirm-title">{p.t('admin.confirm.title')}</h2>
    {p.what}
    <form method="post" action={p.action} class="row">
      <Csrf token={p.csrfToken} />
      {p.fields.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit" class={p.danger ? 'danger' : undefined} autofocus>
        {p.confirmLabel}
      </button>
      <a class="button-like" href={p.cancelHref}>
        {p.t('admin.common.cancel')}
      </a>
    </form>
  </section>
);

/** A moment: UTC as written, the reader's local time once /static/local-time.js ran. */
export const time = (iso: string | null) =>
  iso ? (
    <time datetime={iso} data-local>
      {iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}
    </time>
  ) : (
    '—'
  );

/** A secret shown once (one-time password, API token), with a copy button. */
export const ShownOnce = (p: {
  t: Translate;
  id: string;
  title: string;
  advice: string;
  secret: string;
}) => (
  <section class="notice" role="status" aria-labelledby={`${p.id}-title`}>
    <h2 id={`${p.id}-title`}>{p.title}</h2>
    <p>{p.advice}</p>
    <p>
      <code class="secret" id={p.id}>
        {p.secret}
      </code>{' '}
      <button type="button" class="link" data-copy={p.id}>
        {p.t('admin.common.copy')}
      </button>
    </p>
    <script src="/static/copy.js" defer />
  </section>
);

interface Shown {
  id: string;
  title: string;
  advice: string;
  secret: string;
}

/**
 * Post/redirect/get for what makes a secret (a token, a client secret, a
 * one-time password): the secret travels sealed to the page `location` leads
 * to and is shown there once, so a reload makes nothing again and shows nothing.
 */
export function redirectShowingOnce(c: Context<HttpEnv>, location: string, shown: Shown) {
  setFlash(c, 'shown-once', shown);
  return c.redirect(location, 303);
}

/** A portal page for the signed-in administrator, under nav entry `section`, in the page language. */
export const adminPage = (
  c: Context<HttpEnv>,
  section: string,
  title: string,
  children: unknown,
) => {
  const shown = c.req.method === 'GET' ? takeFlash<Shown>(c, 'shown-once') : undefined;
  return c.html(
    <AdminLayout
      t={c.var.t}
      lang={c.var.locale}
      title={title}
      section={section}
      admin={adminOf(c).upn}
      csrfToken={c.var.session!.csrf_token}
    >
      {shown ? <ShownOnce t={c.var.t} {...shown} /> : null}
      {children as never}
    </AdminLayout>,
  );
};
