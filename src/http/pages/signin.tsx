import type { Child } from 'hono/jsx';
import { Csrf, ErrorMessage, Layout, type PageProps } from './layout.tsx';

export const SigninPage = (
  p: PageProps & {
    csrfToken: string;
    username?: string;
    error?: string;
    returnTo?: string | null;
    /** The strength the application the sign-in is for requires (asked for from the start). */
    strength?: string | undefined;
    /** Other ways in, offered below the password (passwordless sign-in). */
    alternatives?: Child[];
    /** Where to sign in with a Temporary Access Pass, where the organisation issues them. */
    passHref?: string | undefined;
  },
) => (
  <Layout t={p.t} lang={p.lang} title={p.t('signin.title')}>
    <ErrorMessage message={p.error} />
    <form method="post" action="/signin" class="stack">
      <Csrf token={p.csrfToken} />
      {p.returnTo ? <input type="hidden" name="rd" value={p.returnTo} /> : null}
      {p.strength ? <input type="hidden" name="strength" value={p.strength} /> : null}
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
    {p.passHref ? (
      <p>
        <a href={p.passHref}>{p.t('signin.usePass')}</a>
      </p>
    ) : null}
  </Layout>
);

/** Sign-in with a Temporary Access Pass an administrator gave, instead of the password. */
export const PassSigninPage = (
  p: PageProps & {
    csrfToken: string;
    action: string;
    back: string;
    username?: string | undefined;
    error?: string | undefined;
  },
) => (
  <Layout t={p.t} lang={p.lang} title={p.t('signin.passTitle')}>
    <ErrorMessage message={p.error} />
    <p>{p.t('signin.passIntro')}</p>
    <form method="post" action={p.action} class="stack">
      <Csrf token={p.csrfToken} />
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
      <label for="pass">{p.t('signin.passLabel')}</label>
      <input id="pass" name="pass" type="password" autocomplete="one-time-code" required />
      <button type="submit">{p.t('signin.submit')}</button>
    </form>
    <p>
      <a href={p.back}>{p.t('signin.withPassword')}</a>
    </p>
  </Layout>
);
