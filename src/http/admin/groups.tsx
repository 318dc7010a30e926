// Portal: groups — make one, give it the administrator role, add and remove
// members, set the MFA state of every member, delete it. A directory group's
// name and members are the directory's.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { GroupSource } from '../../db/schema.ts';
import { isAppError, localMessage } from '../../errors.ts';
import type { Translate } from '../../i18n/index.ts';
import {
  createGroup,
  deleteGroup,
  editGroupMembers,
  getGroup,
  groupMembers,
  listGroups,
  setGroupMfaState,
  updateGroup,
} from '../../services/groups.ts';
import { mfaStates, parseMfaState } from '../../services/validation.ts';
import type { HttpEnv } from '../env.ts';
import { readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { formatCount, stateLabel } from './i18n.tsx';
import { adminPage, Confirm, Notice } from './layout.tsx';

type C = Context<HttpEnv>;
const groupHref = (id: string) => `/admin/groups/${encodeURIComponent(id)}`;

const layout = (c: C, title: string, children: unknown) =>
  adminPage(c, '/admin/groups', title, children);

const Err = ({ message }: { message?: string | undefined }) =>
  message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;

/** Where a group comes from, in the page language. */
const SOURCES = {
  local: 'admin.groups.source.local',
  scim: 'admin.groups.source.scim',
  directory: 'admin.groups.source.directory',
} as const;
const sourceLabel = (t: Translate, s: GroupSource) => t(SOURCES[s]);

async function listPage(c: C, error?: string) {
  const { t } = c.var;
  const q = c.req.query();
  const search = (q.q ?? '').slice(0, 120);
  const page = await listGroups(c.var.ctx, {
    limit: 100,
    ...(search ? { search } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
  });
  return layout(
    c,
    t('admin.nav.groups'),
    <>
      <Notice
        message={
          q.deleted ? t('admin.groups.deleted', { name: q.deleted.slice(0, 120) }) : undefined
        }
      />
      <Err message={error} />
      <form method="get" action="/admin/groups" class="filters">
        <label>
          {t('admin.groups.search')}
          <input type="search" name="q" value={search} maxlength={120} />
        </label>
        <button type="submit">{t('admin.common.search')}</button>
      </form>
      <table class="cards">
        <caption>
          {t(page.items.length === 0 ? 'admin.groups.none' : 'admin.groups.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.common.name')}</th>
            <th scope="col">{t('admin.groups.members')}</th>
            <th scope="col">{t('admin.common.source')}</th>
            <th scope="col">{t('admin.common.role')}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((g) => (
            <tr>
              <td>
                <a href={groupHref(g.id)}>{g.displayName}</a>
              </td>
              <td data-label={t('admin.groups.members')}>
                {formatCount(c.var.locale, g.memberCount)}
              </td>
              <td data-label={t('admin.common.source')}>{sourceLabel(t, g.source)}</td>
              <td data-label={t('admin.common.role')}>
                {g.adminRole ? t('admin.groups.roleAdmins') : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.nextCursor ? (
        <p>
          <a
            href={`/admin/groups?${new URLSearchParams({ ...(search ? { q: search } : {}), cursor: page.nextCursor })}`}
          >
            {t('admin.common.nextPage')}
          </a>
        </p>
      ) : null}
      <h2>{t('admin.groups.new')}</h2>
      <form method="post" action="/admin/groups" class="stack">
        <Csrf token={c.var.session!.csrf_token} />
        <label>
          {t('admin.common.name')}
          <input type="text" name="name" required maxlength={256} />
        </label>
        <label>
          {t('admin.groups.description')}
          <input type="text" name="description" maxlength={1000} />
        </label>
        <label class="choice">
          <input type="checkbox" name="adminRole" value="on" /> {t('admin.groups.adminRole')}
        </label>
        <button type="submit">{t('admin.groups.create')}</button>
      </form>
    </>,
  );
}

async function groupPage(c: C, id: string, extra?: unknown, error?: string) {
  const { t } = c.var;
  const g = await getGroup(c.var.ctx, id);
  const q = c.req.query();
  const members = await groupMembers(c.var.ctx, g.id, {
    limit: 200,
    ...(q.cursor ? { cursor: q.cursor } : {}),
  });
  const csrf = c.var.session!.csrf_token;
  const base = groupHref(g.id);
  const directory = g.source === 'directory';
  const notices = {
    added: () => t('admin.group.added'),
    removed: () => t('admin.group.removed'),
    saved: () => t('admin.common.saved'),
    state: () =>
      /^\d{1,9}$/.test(q.n ?? '')
        ? t('admin.group.stateSet', { n: Number(q.n) })
        : t('admin.group.stateSetSome'),
  };
  return layout(
    c,
    g.displayName,
    <>
      <Notice
        message={
          q.done && Object.hasOwn(notices, q.done)
            ? notices[q.done as keyof typeof notices]()
            : undefined
        }
      />
      <Err message={error} />
      {extra as never}
      <dl class="details">
        <dt>{t('admin.common.source')}</dt>
        <dd>
          {t(
            directory
              ? 'admin.group.sourceDirectory'
              : g.source === 'scim'
                ? 'admin.group.sourceScim'
                : 'admin.group.sourceLocal',
          )}
        </dd>
        <dt>{t('admin.common.role')}</dt>
        <dd>{t(g.adminRole ? 'admin.groups.adminRole' : 'admin.group.roleNone')}</dd>
        <dt>{t('admin.groups.members')}</dt>
        <dd>{formatCount(c.var.locale, g.memberCount)}</dd>
      </dl>
      <form method="post" action={`${base}/edit`} class="stack">
        <Csrf token={csrf} />
        <label>
          {t('admin.common.name')}
          <input
            type="text"
            name="name"
            value={g.displayName}
            required
            maxlength={256}
            readonly={directory}
          />
        </label>
        <label>
          {t('admin.groups.description')}
          <input type="text" name="description" value={g.description} maxlength={1000} />
        </label>
        <label class="choice">
          <input type="checkbox" name="adminRole" value="on" checked={g.adminRole} />{' '}
          {t('admin.groups.adminRole')}
        </label>
        <button type="submit">{t('admin.common.save')}</button>
      </form>
      <h2>{t('admin.groups.members')}</h2>
      {directory ? null : (
        <form method="post" action={`${base}/members`} class="row">
          <Csrf token={csrf} />
          <label>
            {t('admin.group.addUsers')}
            <textarea name="add" rows={2} maxlength={100000} />
          </label>
          <button type="submit">{t('admin.group.add')}</button>
        </form>
      )}
      <table class="cards">
        <caption class="visually-hidden">{t('admin.groups.members')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.common.userName')}</th>
            <th scope="col">{t('admin.common.displayName')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('admin.common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.items.map((m) => (
            <tr>
              <td>
                <a href={`/admin/users/${encodeURIComponent(m.userPrincipalName)}`}>
                  {m.userPrincipalName}
                </a>
              </td>
              <td>{m.displayName}</td>
              <td>
                {directory ? null : (
                  <form method="post" action={`${base}/members`}>
                    <Csrf token={csrf} />
                    <input type="hidden" name="remove" value={m.userPrincipalName} />
                    <button type="submit" class="link">
                      {t('admin.group.remove')}
                      <span class="visually-hidden"> {m.userPrincipalName}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {members.nextCursor ? (
        <p>
          <a href={`${base}?cursor=${encodeURIComponent(members.nextCursor)}`}>
            {t('admin.group.moreMembers')}
          </a>
        </p>
      ) : null}
      <h2>{t('admin.group.stateTitle')}</h2>
      <form method="post" action={`${base}/state`} class="row">
        <Csrf token={csrf} />
        <label>
          {t('admin.group.setTo')}
          <select name="state">
            {mfaStates.map((s) => (
              <option value={s}>{stateLabel(t, s)}</option>
            ))}
          </select>
        </label>
        <button type="submit">{t('admin.common.change')}</button>
      </form>
      {directory ? null : (
        <form method="post" action={`${base}/delete`} class="row">
          <Csrf token={csrf} />
          <button type="submit" class="danger">
            {t('admin.group.delete')}
          </button>
        </form>
      )}
    </>,
  );
}

const problem = (c: C, e: unknown) => {
  if (isAppError(e) && e.status < 500) return localMessage(e, c.var.t);
  throw e;
};

export const adminGroupRoutes = new Hono<HttpEnv>()
  .get('/admin/groups', (c) => listPage(c))
  .post('/admin/groups', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    try {
      const g = await createGroup(c.var.ctx, c.var.actor!, {
        displayName: form.fields.name ?? '',
        description: form.fields.description ?? '',
        adminRole: form.fields.adminRole === 'on',
      });
      return c.redirect(groupHref(g.id), 303);
    } catch (e) {
      return listPage(c, problem(c, e));
    }
  })
  .get('/admin/groups/:id', (c) => groupPage(c, c.req.param('id')))
  .post('/admin/groups/:id/edit', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const id = c.req.param('id');
    try {
      await updateGroup(c.var.ctx, c.var.actor!, id, {
        displayName: form.fields.name ?? '',
        description: form.fields.description ?? '',
        adminRole: form.fields.adminRole === 'on',
      });
      return c.redirect(`${groupHref(id)}?done=saved`, 303);
    } catch (e) {
      return groupPage(c, id, undefined, problem(c, e));
    }
  })
  .post('/admin/groups/:id/members', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const id = c.req.param('id');
    const add = (form.fields.add ?? '')
      .split(/[\s,;]+/)
      .filter(Boolean)
      .slice(0, 10_000);
    const remove = form.fields.remove ? [form.fields.remove] : [];
    try {
      await editGroupMembers(c.var.ctx, c.var.actor!, id, { add, remove });
      return c.redirect(`${groupHref(id)}?done=${remove.length ? 'removed' : 'added'}`, 303);
    } catch (e) {
      return groupPage(c, id, undefined, problem(c, e));
    }
  })
  .post('/admin/groups/:id/state', async (c) => {
    const { t } = c.var;
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const id = c.req.param('id');
    const state = parseMfaState(form.fields.state ?? '');
    const g = await getGroup(c.var.ctx, id);
    if (form.fields.confirm !== 'yes')
      return groupPage(
        c,
        id,
        <Confirm
          t={t}
          action={`${groupHref(g.id)}/state`}
          csrfToken={c.var.session!.csrf_token}
          what={
            <p>
              <strong>
                {t('admin.group.stateSummary', {
                  n: g.memberCount,
                  group: g.displayName,
                  state: stateLabel(t, state),
                })}
              </strong>{' '}
              {t('admin.group.stateExplain')}
            </p>
          }
          fields={[['state', state]]}
          confirmLabel={t('admin.group.stateConfirm', { state: stateLabel(t, state) })}
          cancelHref={groupHref(g.id)}
        />,
      );
    const r = await setGroupMfaState(c.var.ctx, c.var.actor!, g.id, state);
    return c.redirect(`${groupHref(g.id)}?done=state&n=${r.changed}`, 303);
  })
  .post('/admin/groups/:id/delete', async (c) => {
    const { t } = c.var;
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const g = await getGroup(c.var.ctx, c.req.param('id'));
    if (form.fields.confirm !== 'yes')
      return groupPage(
        c,
        g.id,
        <Confirm
          t={t}
          action={`${groupHref(g.id)}/delete`}
          csrfToken={c.var.session!.csrf_token}
          what={
            <p>
              <strong>{t('admin.group.deleteQuestion', { group: g.displayName })}</strong>{' '}
              {t(g.adminRole ? 'admin.group.deleteExplainAdmins' : 'admin.group.deleteExplain', {
                n: g.memberCount,
              })}
            </p>
          }
          fields={[]}
          confirmLabel={t('admin.group.deleteConfirm', { group: g.displayName })}
          cancelHref={groupHref(g.id)}
          danger
        />,
      );
    try {
      await deleteGroup(c.var.ctx, c.var.actor!, g.id);
    } catch (e) {
      return groupPage(c, g.id, undefined, problem(c, e));
    }
    return c.redirect(`/admin/groups?deleted=${encodeURIComponent(g.displayName)}`, 303);
  });
