import { Csrf, ErrorMessage, Layout } from './layout.tsx';

export const SigninPage = (p: { csrfToken: string; username?: string; error?: string }) => (
  <Layout title="Sign in">
    <ErrorMessage message={p.error} />
    <form method="post" action="/signin" class="stack">
      <Csrf token={p.csrfToken} />
      <label for="username">Username</label>
      <input
        id="username"
        name="username"
        type="email"
        autocomplete="username"
        placeholder="someone@example.com"
        value={p.username ?? ''}
        required
        autofocus
      />
      <label for="password">Password</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
      />
      <button type="submit">Sign in</button>
    </form>
  </Layout>
);
