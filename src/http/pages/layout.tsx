import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

export const Layout = ({ title, children }: { title: string; children: Child }) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Portcullis`}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body>
        <main class="card">
          <p class="brand">Portcullis</p>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  </>
);

export const ErrorMessage = ({ message }: { message: string | undefined }) =>
  message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;

export const Csrf = ({ token }: { token: string }) => (
  <input type="hidden" name="_csrf" value={token} />
);
