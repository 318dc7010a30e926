import { Csrf, Layout } from './layout.tsx';

export const AccountPage = (p: {
  displayName: string;
  upn: string;
  mfaState: string;
  methods: string[];
  csrfToken: string;
}) => (
  <Layout title="My account">
    <p class="welcome">
      Signed in as <strong>{p.displayName}</strong> ({p.upn})
    </p>
    <dl>
      <dt>Multi-factor authentication</dt>
      <dd>{p.mfaState}</dd>
      <dt>Verification methods</dt>
      <dd>{p.methods.length > 0 ? p.methods.join(', ') : 'None registered'}</dd>
    </dl>
    <form method="post" action="/signout">
      <Csrf token={p.csrfToken} />
      <button type="submit">Sign out</button>
    </form>
  </Layout>
);
