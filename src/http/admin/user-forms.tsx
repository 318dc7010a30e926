// Portal: create a user (a one-time password shown once, or an invitation by
// email), edit one, delete one (after a confirmation), invite again.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { MfaState } from '../../db/schema.ts';
import { isAppError, localMessage } from '../../errors.ts';
import type { Translate } from '../../i18n/index.ts';
import { inviteUser } from '../../services/invitations.ts';
import { deleteUser, resetPassword, updateUser } from '../../services/user-admin.ts';
import { createUser, getUser, type UserView } from '../../services/users.ts';
import { mfaStates, parseMfaState } from '../../services/validation.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { stateLabel } from './i18n.tsx';
import { adminPage, Confirm, redirectShowingOnce } from './layout.tsx';

type C = Context<HttpEnv>;
const userHref = (upn: string) => `/admin/users/${encodeURIComponent(upn)}`;

const layout = (c: C, title: string, children: unknown) =>
  adminPage(c, '/admin/users', title, children);

interface Fields {
  upn: string;
  displayName: string;
  email: string;
  mobile: string;
  language: string;
  mfaState: MfaState;
  isAdmin: boolean;
  password: 'invite' | 'one-time';
}

const empty: Fields = {
  upn: '',
  displayName: '',
  email: '',
  mobile: '',
  language: '',
  mfaState: 'Enabled',
  isAdmin: false,
  password: 'invite',
};

/** The fields of the create and edit forms (the user name and password only when creating). */
const UserFields = ({
  t,
  f,
  creating,
  directory,
}: {
  t: Translate;
  f: Fields;
  creating: boolean;
  directory: boolean;
}) => (
  <>
    <label>
      {t('admin.userForm.upn')}
      <input
        type="email"
        name="upn"
        value={f.upn}
        required
        maxlength={113}
        readonly={directory}
        autocomplete="off"
      />
    </label>
    <label>
      {t('admin.common.displayName')}
      <input type="text" name="displayName" value={f.displayName} maxlength={256} />
    </label>
    <label>
      {t(creating ? 'admin.userForm.emailInvite' : 'admin.userForm.email')}
      <input type="email" name="email" value={f.email} maxlength={254} readonly={directory} />
    </label>
    <label>
      {t('admin.userForm.mobile')}
      <input type="tel" name="mobile" value={f.mobile} maxlength={40} readonly={directory} />
    </label>
    <label>
      {t('admin.userForm.language')}
      <input type="text" name="language" value={f.language} maxlength={35} />
    </label>
    <label>
      {t('admin.common.mfaState')}
      <select name="mfaState">
        {mfaStates.map((s) => (
          <option value={s} selected={s === f.mfaState}>
            {stateLabel(t, s)}
          </option>
        ))}
      </select>
    </label>
    <label class="choice">
      <input type="checkbox" name="isAdmin" value="on" checked={f.isAdmin} />{' '}
      {t('admin.user.roleAdmin')}
    </label>
    {creating ? (
      <fieldset>
        <legend>{t('admin.user.password')}</legend>
        <label class="choice">
          <input type="radio" name="password" value="invite" checked={f.password === 'invite'} />{' '}
          {t('admin.userForm.invite')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="password"
            value="one-time"
            checked={f.password === 'one-time'}
          />{' '}
          {t('admin.userForm.oneTime')}
        </label>
      </fieldset>
    ) : null}
  </>
);

function readFields(fields: Record<string, string | undefined>): Fields {
  return {
    upn: (fields.upn ?? '').trim(),
    displayName: fields.displayName ?? '',
    email: (fields.email ?? '').trim(),
    mobile: (fields.mobile ?? '').trim(),
    language: (fields.language ?? '').trim(),
    mfaState: parseMfaState(fields.mfaState ?? 'Disabled'),
    isAdmin: fields.isAdmin === 'on',
    password: fields.password === 'one-time' ? 'one-time' : 'invite',
  };
}

const errorOf = (c: C, e: unknown) => {
  if (isAppError(e) && e.status < 500) return localMessage(e, c.var.t);
  throw e;
};

const newForm = (c: C, f: Fields, error?: string) =>
  layout(
    c,
    c.var.t('admin.users.new'),
    <>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/admin/users/new" class="stack">
        <Csrf token={c.var.session!.csrf_token} />
        <UserFields t={c.var.t} f={f} creating directory={false} />
        <button type="submit">{c.var.t('admin.userForm.create')}</button>
      </form>
      <p>
        <a href="/admin/users">{c.var.t('admin.common.backToUsers')}</a> ·{' '}
        <a href="/admin/users/import">{c.var.t('admin.userForm.importLink')}</a>
      </p>
    </>,
  );

const fieldsOf = (u: UserView): Fields => ({
  upn: u.userPrincipalName,
  displayName: u.displayName,
  email: u.email ?? '',
  mobile: u.mobilePhone ?? '',
  language: u.preferredLanguage ?? '',
  mfaState: u.mfaState,
  isAdmin: u.isAdmin,
  password: 'invite',
});

async function editForm(c: C, user: UserView, f: Fields = fieldsOf(user), error?: string) {
  const directory = user.source === 'directory';
  const { t } = c.var;
  return layout(
    c,
    t('admin.userForm.editTitle', { name: user.displayName }),
    <>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {directory ? <p class="muted">{t('admin.userForm.fromDirectory')}</p> : null}
      <form method="post" action={`${userHref(user.userPrincipalName)}/edit`} class="stack">
        <Csrf token={c.var.session!.csrf_token} />
        <UserFields t={t} f={f} creating={false} directory={directory} />
        <button type="submit">{t('admin.common.save')}</button>
      </form>
      <p>
        <a href={userHref(user.userPrincipalName)}>{t('admin.common.cancel')}</a>
      </p>
    </>,
  );
}

export const adminUserFormRoutes = new Hono<HttpEnv>()
  .get('/admin/users/new', (c) => newForm(c, empty))
  .post('/admin/users/new', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    let f = empty;
    try {
      f = readFields(form.fields);
      const created = await createUser(
        c.var.ctx,
        {
          upn: f.upn,
          ...(f.displayName.trim() ? { displayName: f.displayName } : {}),
          preferredLanguage: f.language,
          mfaState: f.mfaState,
          isAdmin: f.isAdmin,
          ...(f.email ? { email: f.email } : {}),
          ...(f.mobile ? { mobile: f.mobile } : {}),
          ...(f.password === 'invite' ? { invite: true } : {}),
        },
        c.var.actor!,
      );
      if (f.password === 'invite')
        return c.redirect(`${userHref(created.userPrincipalName)}?done=invited`, 303);
      const { oneTimePassword } = await resetPassword(
        c.var.ctx,
        c.var.actor!,
        created.userPrincipalName,
      );
      const { t } = c.var;
      return redirectShowingOnce(c, userHref(created.userPrincipalName), {
        id: 'otp',
        title: t('admin.user.otpTitle', { upn: created.userPrincipalName }),
        advice: t('admin.userForm.otpAdvice'),
        secret: oneTimePassword,
      });
    } catch (e) {
      return newForm(c, { ...f, ...readSafe(form.fields) }, errorOf(c, e));
    }
  })
  .get('/admin/users/:upn/edit', async (c) =>
    editForm(c, await getUser(c.var.ctx, c.req.param('upn'), c.var.actor!)),
  )
  .post('/admin/users/:upn/edit', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const user = await getUser(c.var.ctx, c.req.param('upn'), { personalData: true });
    const directory = user.source === 'directory';
    let f = fieldsOf(user);
    try {
      f = readFields(form.fields);
      // A masked number left as shown means "no change".
      const mobileChanged = f.mobile !== (user.mobilePhone ?? '') && !f.mobile.includes('•');
      const updated = await updateUser(c.var.ctx, c.var.actor!, user.userPrincipalName, {
        ...(directory ? {} : { userPrincipalName: f.upn, email: f.email || null }),
        ...(directory || !mobileChanged ? {} : { mobile: f.mobile || null }),
        ...(f.displayName.trim() ? { displayName: f.displayName } : {}),
        preferredLanguage: f.language,
        mfaState: f.mfaState,
        isAdmin: f.isAdmin,
      });
      return c.redirect(`${userHref(updated.userPrincipalName)}?done=saved`, 303);
    } catch (e) {
      return editForm(c, user, { ...f, ...readSafe(form.fields) }, errorOf(c, e));
    }
  })
  .post('/admin/users/:upn/delete', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const user = await getUser(c.var.ctx, c.req.param('upn'), c.var.actor!);
    const { t } = c.var;
    const who = { name: user.displayName, upn: user.userPrincipalName };
    if (form.fields.confirm !== 'yes')
      return layout(
        c,
        t('admin.userForm.deleteTitle', who),
        <Confirm
          t={t}
          action={`${userHref(user.userPrincipalName)}/delete`}
          csrfToken={c.var.session!.csrf_token}
          what={
            <p>
              <strong>{t('admin.userForm.deleteQuestion', who)}</strong>{' '}
              {t(
                user.source === 'directory'
                  ? 'admin.userForm.deleteExplainDirectory'
                  : 'admin.userForm.deleteExplain',
              )}
            </p>
          }
          fields={[]}
          confirmLabel={t('admin.userForm.deleteConfirm', who)}
          cancelHref={userHref(user.userPrincipalName)}
          danger
        />,
      );
    await deleteUser(c.var.ctx, c.var.actor!, user.userPrincipalName);
    return c.redirect(`/admin/users?deleted=${encodeURIComponent(user.userPrincipalName)}`, 303);
  })
  .post('/admin/users/:upn/invite', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const r = await inviteUser(c.var.ctx, c.var.actor!, c.req.param('upn'));
    return c.redirect(`${userHref(r.userPrincipalName)}?done=invited`, 303);
  });

/** What was typed, kept when the form comes back with an error (even if it did not parse). */
const readSafe = (fields: Record<string, string | undefined>): Partial<Fields> => ({
  upn: fields.upn ?? '',
  displayName: fields.displayName ?? '',
  email: fields.email ?? '',
  mobile: fields.mobile ?? '',
  language: fields.language ?? '',
});
