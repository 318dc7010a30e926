import type { Child } from 'hono/jsx';
import { Csrf, ErrorMessage, Layout, type PageProps } from './layout.tsx';

export const SigninPage = (
  p: PageProps & {
    csrfToken: string;
    username?: string;
    error?: string;
    returnTo?: string | null;
    /** Other ways in, offered below the password (passwordless sign-in). */
    alternatives?: Child[];
  },
) => (
  <Layout t={p.t} lang={p.lang} title={p.t('signin.title')}>
    <ErrorMessage message={p.error} />
    <form method="post" action="/signin" class="stack">
      <Csrf token={p.csrfToken} />
      {p.returnTo ? <input type="hidden" name="rd" value={p.returnTo} /> : null}
      <label for="username">{p.t('signin.username')}</label>
      <input
        id="username"
        name="username"
        type="email"
        autocomplete="username"
        placeholder={p.t('signin.usernamePlaceholder')}
        value={p.username ?? ''}
        required
        autofocus
      />
      <label for="password">{p.t('signin.password')}</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
      />
      <button type="submit">{p.t('signin.submit')}</button>
    </form>
    {p.alternatives?.length ? <div class="stack alternatives">{p.alternatives}</div> : null}
  </Layout>
);
