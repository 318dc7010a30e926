// Portal: groups — make one, give it the administrator role, add and remove
// members, set the MFA state of every member, delete it. A directory group's
// name and members are the directory's.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { isAppError } from '../../errors.ts';
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

async function listPage(c: C, error?: string) {
  const q = c.req.query();
  const search = (q.q ?? '').slice(0, 120);
  const page = await listGroups(c.var.ctx, {
    limit: 100,
    ...(search ? { search } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
  });
  return layout(
    c,
    'Groups',
    <>
      <Notice message={q.deleted ? `Deleted the group ${q.deleted.slice(0, 120)}.` : undefined} />
      <Err message={error} />
      <form method="get" action="/admin/groups" class="filters">
        <label>
          Search by name
          <input type="search" name="q" value={search} maxlength={120} />
        </label>
        <button type="submit">Search</button>
      </form>
      <table class="cards">
        <caption>{page.items.length === 0 ? 'No groups.' : 'Groups, by name'}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Members</th>
            <th scope="col">Source</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((g) => (
            <tr>
              <td>
                <a href={groupHref(g.id)}>{g.displayName}</a>
              </td>
              <td data-label="Members">{g.memberCount}</td>
              <td data-label="Source">{g.source}</td>
              <td data-label="Role">{g.adminRole ? 'Administrators' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.nextCursor ? (
        <p>
          <a
            href={`/admin/groups?${new URLSearchParams({ ...(search ? { q: search } : {}), cursor: page.nextCursor })}`}
          >
            Next page
          </a>
        </p>
      ) : null}
      <h2>New group</h2>
      <form method="post" action="/admin/groups" class="stack">
        <Csrf token={c.var.session!.csrf_token} />
        <label>
          Name
          <input type="text" name="name" required maxlength={256} />
        </label>
        <label>
          Description
          <input type="text" name="description" maxlength={1000} />
        </label>
        <label class="choice">
          <input type="checkbox" name="adminRole" value="on" /> Members are administrators
        </label>
        <button type="submit">Create group</button>
      </form>
    </>,
  );
}

async function groupPage(c: C, id: string, extra?: unknown, error?: string) {
  const g = await getGroup(c.var.ctx, id);
  const q = c.req.query();
  const members = await groupMembers(c.var.ctx, g.id, {
    limit: 200,
    ...(q.cursor ? { cursor: q.cursor } : {}),
  });
  const csrf = c.var.session!.csrf_token;
  const base = groupHref(g.id);
  const directory = g.source === 'directory';
  const notices: Record<string, string> = {
    added: 'Members added.',
    removed: 'Member removed.',
    saved: 'Saved.',
    state: `MFA state set for the members (${q.n ?? 'some'} changed).`,
  };
  return layout(
    c,
    g.displayName,
    <>
      <Notice message={q.done && Object.hasOwn(notices, q.done) ? notices[q.done] : undefined} />
      <Err message={error} />
      {extra as never}
      <dl class="details">
        <dt>Source</dt>
        <dd>
          {directory
            ? 'Directory (its name and members are managed there)'
            : g.source === 'scim'
              ? 'Provisioning (SCIM)'
              : 'Made here'}
        </dd>
        <dt>Role</dt>
        <dd>{g.adminRole ? 'Members are administrators' : 'None'}</dd>
        <dt>Members</dt>
        <dd>{g.memberCount}</dd>
      </dl>
      <form method="post" action={`${base}/edit`} class="stack">
        <Csrf token={csrf} />
        <label>
          Name
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
          Description
          <input type="text" name="description" value={g.description} maxlength={1000} />
        </label>
        <label class="choice">
          <input type="checkbox" name="adminRole" value="on" checked={g.adminRole} /> Members are
          administrators
        </label>
        <button type="submit">Save</button>
      </form>
      <h2>Members</h2>
      {directory ? null : (
        <form method="post" action={`${base}/members`} class="row">
          <Csrf token={csrf} />
          <label>
            Add users (user names, separated by spaces, commas or lines)
            <textarea name="add" rows={2} maxlength={100000} />
          </label>
          <button type="submit">Add</button>
        </form>
      )}
      <table class="cards">
        <caption class="visually-hidden">Members</caption>
        <thead>
          <tr>
            <th scope="col">User name</th>
            <th scope="col">Display name</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
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
                      Remove<span class="visually-hidden"> {m.userPrincipalName}</span>
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
          <a href={`${base}?cursor=${encodeURIComponent(members.nextCursor)}`}>More members</a>
        </p>
      ) : null}
      <h2>MFA state of every member</h2>
      <form method="post" action={`${base}/state`} class="row">
        <Csrf token={csrf} />
        <label>
          Set to
          <select name="state">
            {mfaStates.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </label>
        <button type="submit">Change…</button>
      </form>
      {directory ? null : (
        <form method="post" action={`${base}/delete`} class="row">
          <Csrf token={csrf} />
          <button type="submit" class="danger">
            Delete group…
          </button>
        </form>
      )}
    </>,
  );
}

const problem = (e: unknown) => {
  if (isAppError(e) && e.status < 500) return e.publicMessage;
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
      return listPage(c, problem(e));
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
      return groupPage(c, id, undefined, problem(e));
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
      return groupPage(c, id, undefined, problem(e));
    }
  })
  .post('/admin/groups/:id/state', async (c) => {
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
          action={`${groupHref(g.id)}/state`}
          csrfToken={c.var.session!.csrf_token}
          what={
            <p>
              <strong>
                Set the MFA state of the {g.memberCount} member{g.memberCount === 1 ? '' : 's'} of{' '}
                {g.displayName} to {state}.
              </strong>{' '}
              Members already in that state stay as they are; users who join later are not changed.
            </p>
          }
          fields={[['state', state]]}
          confirmLabel={`Set ${state}`}
          cancelHref={groupHref(g.id)}
        />,
      );
    const r = await setGroupMfaState(c.var.ctx, c.var.actor!, g.id, state);
    return c.redirect(`${groupHref(g.id)}?done=state&n=${r.changed}`, 303);
  })
  .post('/admin/groups/:id/delete', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const g = await getGroup(c.var.ctx, c.req.param('id'));
    if (form.fields.confirm !== 'yes')
      return groupPage(
        c,
        g.id,
        <Confirm
          action={`${groupHref(g.id)}/delete`}
          csrfToken={c.var.session!.csrf_token}
          what={
            <p>
              <strong>Delete the group {g.displayName}?</strong> Its {g.memberCount} members stay
              users
              {g.adminRole ? ', but lose the administrator role the group gave them' : ''}.
            </p>
          }
          fields={[]}
          confirmLabel={`Delete ${g.displayName}`}
          cancelHref={groupHref(g.id)}
          danger
        />,
      );
    try {
      await deleteGroup(c.var.ctx, c.var.actor!, g.id);
    } catch (e) {
      return groupPage(c, g.id, undefined, problem(e));
    }
    return c.redirect(`/admin/groups?deleted=${encodeURIComponent(g.displayName)}`, 303);
  });
