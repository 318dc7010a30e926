import type { MfaState } from '../../db/schema.ts';
import { Csrf, Layout, type PageProps } from './layout.tsx';

export const AccountPage = (
  p: PageProps & {
    displayName: string;
    upn: string;
    mfaState: MfaState;
    methods: string[];
    csrfToken: string;
    isAdmin: boolean;
  },
) => (
  <Layout t={p.t} lang={p.lang} title={p.t('account.title')}>
    <p class="welcome">{p.t('account.signedInAs', { name: p.displayName, upn: p.upn })}</p>
    <dl>
      <dt>{p.t('account.mfa')}</dt>
      <dd>{p.t(`mfaState.${p.mfaState}`)}</dd>
      <dt>{p.t('account.methods')}</dt>
      <dd>{p.methods.length > 0 ? p.methods.join(', ') : p.t('account.noMethods')}</dd>
    </dl>
    <p>
      <a href="/security-info">{p.t('account.securityInfo')}</a>
    </p>
    <p>
      <a href="/security-info/app-passwords">{p.t('account.appPasswords')}</a>
    </p>
    {p.isAdmin ? (
      <p>
        <a href="/admin">{p.t('account.admin')}</a>
      </p>
    ) : null}
    <form method="post" action="/signout">
      <Csrf token={p.csrfToken} />
      <button type="submit">{p.t('account.signOut')}</button>
    </form>
  </Layout>
);
