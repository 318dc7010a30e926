import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError, isAppError } from '../../errors.ts';
import { catalogue } from '../../methods/catalogue.ts';
import {
  getServiceSettings,
  type ServiceSettings,
  updateServiceSettings,
} from '../../services/settings.ts';
import { undeliveredMethods } from '../../services/telephony-notice.ts';
import type { HttpEnv } from '../env.ts';
import { type Form, readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { adminOf } from './guard.ts';
import { AdminLayout, Notice } from './layout.tsx';

type C = Context<HttpEnv>;

const NUMBERS: [keyof ServiceSettings, string, number, number][] = [
  ['rememberDevicesDays', 'Days a remembered device skips MFA (1–365)', 1, 365],
  [
    'proofupGraceDays',
    'Days Enabled users may postpone registering a method (0–90; 0: never)',
    0,
    90,
  ],
  [
    'pushFatigueLimit',
    'Pause app notifications after this many denied or unanswered (1–20)',
    1,
    20,
  ],
  ['pushFatigueMinutes', '… within this many minutes (1–1440)', 1, 1440],
  ['phoneCodeMinutes', 'Minutes a code sent by text stays valid (1–10)', 1, 10],
  ['callTimeoutSeconds', 'Seconds a verification call waits for # (10–300)', 10, 300],
  ['sendLimitPerUser', 'Texts and calls per user in 15 minutes', 1, 100],
  ['sendLimitPerNumber', 'Texts and calls per phone number in 15 minutes', 1, 100],
  ['sendLimitPerAddress', 'Texts and calls per client address in 15 minutes', 1, 1000],
];

/**
 * Under the outbox provider no text or call reaches a phone: said where the
 * phone methods are allowed, in the administrator's language (the portal's
 * other strings are English for now).
 */
function OutboxWarning({ c }: { c: C }) {
  const { t, locale, ctx } = c.var;
  return (
    <div class="warning" role="note" lang={locale} id="telephony-outbox">
      <p>
        <strong>{t('admin.outbox.title')}</strong>
      </p>
      <p>{t('admin.outbox.body')}</p>
      <p>
        {t(ctx.config.phoneSimulator ? 'admin.outbox.simulatorOn' : 'admin.outbox.simulatorOff')}
      </p>
      <p>{t('admin.outbox.configure')}</p>
    </div>
  );
}

function SettingsForm({ s, csrf, c }: { s: ServiceSettings; csrf: string; c: C }) {
  const undelivered = undeliveredMethods(c.var.ctx.config);
  const num = (k: keyof ServiceSettings, text: string, min: number, max: number) => (
    <label>
      {text}
      <input type="number" name={k} value={String(s[k])} min={min} max={max} required />
    </label>
  );
  return (
    <form method="post" action="/admin/settings" class="stack settings">
      <Csrf token={csrf} />
      <fieldset>
        <legend>Verification options: methods users may use</legend>
        {undelivered.length > 0 ? <OutboxWarning c={c} /> : null}
        {catalogue.map((m) => (
          <label class="choice">
            <input
              type="checkbox"
              name="allowedMethods"
              value={m.id}
              checked={s.allowedMethods.includes(m.id)}
            />
            {m.label} <span class="muted">({m.id})</span>
            {undelivered.includes(m.id) ? (
              <span class="tag tag-warn" lang={c.var.locale}>
                {c.var.t('admin.outbox.tag')}
              </span>
            ) : null}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>App passwords</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="appPasswordsAllowed"
            value="on"
            checked={s.appPasswordsAllowed}
          />
          Allow users to create app passwords to sign in to programs that cannot do MFA
        </label>
      </fieldset>
      <fieldset>
        <legend>Remember multi-factor authentication on trusted devices</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="rememberDevicesEnabled"
            value="on"
            checked={s.rememberDevicesEnabled}
          />
          Allow users to remember MFA on devices they trust
        </label>
        {num(...NUMBERS[0]!)}
      </fieldset>
      <fieldset>
        <legend>Registration and passwords</legend>
        {num(...NUMBERS[1]!)}
        <label class="choice">
          <input
            type="checkbox"
            name="passwordChangeRevokesAppPasswords"
            value="on"
            checked={s.passwordChangeRevokesAppPasswords}
          />
          When users change their password, also delete their app passwords
        </label>
      </fieldset>
      <fieldset>
        <legend>Email to users (when they have an address)</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="mailOnMethodChange"
            value="on"
            checked={s.mailOnMethodChange}
          />
          When a verification method is added to or removed from their account
        </label>
        <label class="choice">
          <input
            type="checkbox"
            name="mailOnAppPassword"
            value="on"
            checked={s.mailOnAppPassword}
          />
          When an app password is created
        </label>
        <label class="choice">
          <input
            type="checkbox"
            name="mailOnPasswordChange"
            value="on"
            checked={s.mailOnPasswordChange}
          />
          When their password changes
        </label>
      </fieldset>
      <fieldset>
        <legend>Passkeys</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="passwordlessSignin"
            value="on"
            checked={s.passwordlessSignin}
          />
          Let people sign in with a passkey alone, without a password (the passkey's PIN or
          biometric counts as the second factor)
        </label>
      </fieldset>
      <fieldset>
        <legend>Portcullis Authenticator (MFA fatigue)</legend>
        {num(...NUMBERS[2]!)}
        {num(...NUMBERS[3]!)}
      </fieldset>
      <fieldset>
        <legend>Named locations</legend>
        <label>
          Named locations: one per line, a range then its name, e.g. 10.1.0.0/16 Prague office (the
          Portcullis Authenticator shows the most specific one holding a request's address)
          <textarea name="namedLocations" rows={4} cols={40}>
            {s.namedLocations.join('\n')}
          </textarea>
        </label>
      </fieldset>
      <fieldset>
        <legend>Trusted IPs</legend>
        <label>
          Skip MFA for browser sign-ins from these ranges (one CIDR per line, IPv4 or IPv6, e.g.
          10.0.0.0/8 or 2001:db8::/32)
          <textarea name="trustedIps" rows={4} cols={40}>
            {s.trustedIps.join('\n')}
          </textarea>
        </label>
      </fieldset>
      <fieldset>
        <legend>Fraud alert</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="fraudAlertEnabled"
            value="on"
            checked={s.fraudAlertEnabled}
          />
          Allow users to report a call or text they did not ask for
        </label>
        <label class="choice">
          <input type="checkbox" name="blockOnFraud" value="on" checked={s.blockOnFraud} />
          Block the user's sign-in when they report fraud
        </label>
      </fieldset>
      <fieldset>
        <legend>Code lifetimes and send limits</legend>
        {NUMBERS.slice(4).map(([k, text, min, max]) => num(k, text, min, max))}
      </fieldset>
      <button type="submit">Save</button>
    </form>
  );
}

/** The form as a settings change, with a clear message for what is not a number. */
function patchFrom(form: Form): Record<string, unknown> {
  const patch: Record<string, unknown> = {
    allowedMethods: form.all('allowedMethods'),
    appPasswordsAllowed: form.fields.appPasswordsAllowed === 'on',
    rememberDevicesEnabled: form.fields.rememberDevicesEnabled === 'on',
    passwordChangeRevokesAppPasswords: form.fields.passwordChangeRevokesAppPasswords === 'on',
    fraudAlertEnabled: form.fields.fraudAlertEnabled === 'on',
    blockOnFraud: form.fields.blockOnFraud === 'on',
    passwordlessSignin: form.fields.passwordlessSignin === 'on',
    mailOnMethodChange: form.fields.mailOnMethodChange === 'on',
    mailOnAppPassword: form.fields.mailOnAppPassword === 'on',
    mailOnPasswordChange: form.fields.mailOnPasswordChange === 'on',
    trustedIps: (form.fields.trustedIps ?? '')
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean),
    // One per line: a name has spaces.
    namedLocations: (form.fields.namedLocations ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  };
  for (const [k, text] of NUMBERS) {
    const raw = (form.fields[k] ?? '').trim();
    if (!/^\d{1,7}$/.test(raw))
      throw new AppError('invalid_request', { detail: `${text}: give a whole number.` });
    patch[k] = Number(raw);
  }
  return patch;
}

const page = (c: C, s: ServiceSettings, opts: { error?: string; notice?: string } = {}) =>
  c.html(
    <AdminLayout
      title="Service settings"
      section="/admin/settings"
      admin={adminOf(c).upn}
      csrfToken={c.var.session!.csrf_token}
    >
      <Notice message={opts.notice} />
      {opts.error ? (
        <p class="error" role="alert">
          Not saved: {opts.error}
        </p>
      ) : null}
      <SettingsForm s={s} csrf={c.var.session!.csrf_token} c={c} />
    </AdminLayout>,
  );

export const adminSettingsRoutes = new Hono<HttpEnv>()
  .get('/admin/settings', async (c) =>
    page(c, await getServiceSettings(c.var.ctx), {
      ...(c.req.query('saved') ? { notice: 'Settings saved.' } : {}),
    }),
  )
  .post('/admin/settings', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const current = await getServiceSettings(c.var.ctx);
    let patch: Record<string, unknown> = {};
    try {
      patch = patchFrom(form);
      await updateServiceSettings(c.var.ctx, patch, c.var.actor!);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'invalid_request') throw e;
      c.status(400);
      // Show what was typed, with the reason; nothing was saved.
      return page(c, { ...current, ...(patch as Partial<ServiceSettings>) }, { error: e.message });
    }
    return c.redirect('/admin/settings?saved=1', 303);
  });
