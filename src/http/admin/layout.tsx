import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { HttpEnv } from '../env.ts';
import { Csrf } from '../pages/layout.tsx';
import { adminOf } from './guard.ts';

// The admin portal's pages. English for now (the user-facing pages are
// translated; the portal's strings will join the catalogs later).

const NAV: [string, string][] = [
  ['/admin/users', 'Users'],
  ['/admin/groups', 'Groups'],
  ['/admin/bulk', 'Bulk update'],
  ['/admin/settings', 'Service settings'],
  ['/admin/logs/signins', 'Sign-ins'],
  ['/admin/logs/audit', 'Audit log'],
  ['/admin/tokens', 'API tokens'],
  ['/admin/apps', 'Applications'],
  ['/admin/directory', 'Directory'],
];

export interface AdminPageProps {
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
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} · Portcullis admin`}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="admin">
        <a class="skip" href="#content">
          Skip to content
        </a>
        <header class="admin-bar">
          <p class="brand">Portcullis admin</p>
          <nav aria-label="Administration">
            <ul>
              {NAV.map(([href, label]) => (
                <li>
                  <a href={href} aria-current={p.section === href ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <form method="post" action="/signout" class="signout">
            <Csrf token={p.csrfToken} />
            <span class="muted">{p.admin}</span>{' '}
            <button type="submit" class="link">
              Sign out
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
  action: string;
  csrfToken: string;
  what: Child;
  fields: [string, string][];
  confirmLabel: string;
  cancelHref: string;
  danger?: boolean;
}) => (
  <section class="confirm" aria-labelledby="confirm-title">
    <h2 id="confirm-title">Please confirm</h2>
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
        Cancel
      </a>
    </form>
  </section>
);

export const time = (iso: string | null) =>
  iso ? <time datetime={iso}>{iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time> : '—';

/** A secret shown once (one-time password, API token), with a copy button. */
export const ShownOnce = (p: { id: string; title: string; advice: string; secret: string }) => (
  <section class="notice" role="status" aria-labelledby={`${p.id}-title`}>
    <h2 id={`${p.id}-title`}>{p.title}</h2>
    <p>{p.advice}</p>
    <p>
      <code class="secret" id={p.id}>
        {p.secret}
      </code>{' '}
      <button type="button" class="link" data-copy={p.id}>
        Copy
      </button>
    </p>
    <script src="/static/copy.js" defer />
  </section>
);

/** A portal page for the signed-in administrator, under nav entry `section`. */
export const adminPage = (c: Context<HttpEnv>, section: string, title: string, children: unknown) =>
  c.html(
    <AdminLayout
      title={title}
      section={section}
      admin={adminOf(c).upn}
      csrfToken={c.var.session!.csrf_token}
    >
      {children as never}
    </AdminLayout>,
  );
