import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError, isAppError, localMessage } from '../../errors.ts';
import type { Translate } from '../../i18n/index.ts';
import {
  getServiceSettings,
  HIGH_RISK_ACTIONS,
  type ServiceSettings,
  updateServiceSettings,
} from '../../services/settings.ts';
import type { HttpEnv } from '../env.ts';
import { type Form, readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { phishingResistant } from './guard.ts';
import { rich } from './i18n.tsx';
import { adminPage, Notice } from './layout.tsx';

type C = Context<HttpEnv>;

/** The number fields: setting (its label is admin.settings.number.<setting>), least, most. */
const NUMBERS = [
  ['rememberDevicesDays', 1, 365],
  ['proofupGraceDays', 0, 90],
  ['pushFatigueLimit', 1, 20],
  ['pushFatigueMinutes', 1, 1440],
  ['phoneCodeMinutes', 1, 10],
  ['callTimeoutSeconds', 10, 300],
  ['sendLimitPerUser', 1, 100],
  ['sendLimitPerNumber', 1, 100],
  ['sendLimitPerAddress', 1, 1000],
] as const satisfies readonly (readonly [keyof ServiceSettings, number, number])[];
type NumberSetting = (typeof NUMBERS)[number][0];
const numberLabel = (k: NumberSetting) => `admin.settings.number.${k}` as const;

function SettingsForm({ s, csrf, c }: { s: ServiceSettings; csrf: string; c: C }) {
  const { t } = c.var;
  const num = (k: NumberSetting, min: number, max: number) => (
    <label>
      {t(numberLabel(k))}
      <input type="number" name={k} value={String(s[k])} min={min} max={max} required />
    </label>
  );
  return (
    <form method="post" action="/admin/settings" class="stack settings">
      <Csrf token={csrf} />
      <fieldset>
        <legend>{t('admin.settings.methods')}</legend>
        <p>
          {rich(t, 'admin.settings.methodsMoved', {
            link: <a href="/admin/methods-policy">{t('admin.nav.methodsPolicy')}</a>,
          })}
        </p>
        <label class="choice">
          <input
            type="checkbox"
            name="systemPreferredMfa"
            value="on"
            checked={s.systemPreferredMfa}
          />
          {t('admin.settings.systemPreferredMfa')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('admin.common.appPasswords')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="appPasswordsAllowed"
            value="on"
            checked={s.appPasswordsAllowed}
          />
          {t('admin.settings.appPasswordsAllowed')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.rememberDevices')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="rememberDevicesEnabled"
            value="on"
            checked={s.rememberDevicesEnabled}
          />
          {t('admin.settings.rememberDevicesEnabled')}
        </label>
        {num(...NUMBERS[0]!)}
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.registration')}</legend>
        {num(...NUMBERS[1]!)}
        <label class="choice">
          <input
            type="checkbox"
            name="passwordChangeRevokesAppPasswords"
            value="on"
            checked={s.passwordChangeRevokesAppPasswords}
          />
          {t('admin.settings.passwordChangeRevokesAppPasswords')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.mail')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="mailOnMethodChange"
            value="on"
            checked={s.mailOnMethodChange}
          />
          {t('admin.settings.mailOnMethodChange')}
        </label>
        <label class="choice">
          <input
            type="checkbox"
            name="mailOnAppPassword"
            value="on"
            checked={s.mailOnAppPassword}
          />
          {t('admin.settings.mailOnAppPassword')}
        </label>
        <label class="choice">
          <input
            type="checkbox"
            name="mailOnPasswordChange"
            value="on"
            checked={s.mailOnPasswordChange}
          />
          {t('admin.settings.mailOnPasswordChange')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.passkeys')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="passwordlessSignin"
            value="on"
            checked={s.passwordlessSignin}
          />
          {t('admin.settings.passwordlessSignin')}
        </label>
        <label class="choice">
          <input
            type="checkbox"
            name="adminPhishingResistant"
            value="on"
            checked={s.adminPhishingResistant}
          />
          {t('admin.settings.adminPhishingResistant')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.fatigue')}</legend>
        {num(...NUMBERS[2]!)}
        {num(...NUMBERS[3]!)}
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.namedLocations')}</legend>
        <label>
          {t('admin.settings.namedLocationsHelp')}
          <textarea name="namedLocations" rows={4} cols={40}>
            {s.namedLocations.join('\n')}
          </textarea>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.trustedIps')}</legend>
        <label>
          {t('admin.settings.trustedIpsHelp')}
          <textarea name="trustedIps" rows={4} cols={40}>
            {s.trustedIps.join('\n')}
          </textarea>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.fraud')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="fraudAlertEnabled"
            value="on"
            checked={s.fraudAlertEnabled}
          />
          {t('admin.settings.fraudAlertEnabled')}
        </label>
        <label>
          {t('admin.settings.highRiskAction')}
          <select name="highRiskAction">
            {HIGH_RISK_ACTIONS.map((a) => (
              <option value={a} selected={a === s.highRiskAction}>
                {t(`admin.settings.highRisk.${a}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.limits')}</legend>
        {NUMBERS.slice(4).map(([k, min, max]) => num(k, min, max))}
      </fieldset>
      <button type="submit">{t('admin.common.save')}</button>
    </form>
  );
}

/** The form as a settings change, with a clear message for what is not a number. */
function patchFrom(form: Form, t: Translate): Record<string, unknown> {
  const patch: Record<string, unknown> = {
    appPasswordsAllowed: form.fields.appPasswordsAllowed === 'on',
    rememberDevicesEnabled: form.fields.rememberDevicesEnabled === 'on',
    passwordChangeRevokesAppPasswords: form.fields.passwordChangeRevokesAppPasswords === 'on',
    fraudAlertEnabled: form.fields.fraudAlertEnabled === 'on',
    highRiskAction: form.fields.highRiskAction,
    passwordlessSignin: form.fields.passwordlessSignin === 'on',
    systemPreferredMfa: form.fields.systemPreferredMfa === 'on',
    adminPhishingResistant: form.fields.adminPhishingResistant === 'on',
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
  for (const [k] of NUMBERS) {
    const raw = (form.fields[k] ?? '').trim();
    if (!/^\d{1,7}$/.test(raw))
      throw new AppError('invalid_request', {
        detail: `${k}: give a whole number.`,
        local: { key: 'admin.settings.wholeNumber', values: { field: t(numberLabel(k)) } },
      });
    patch[k] = Number(raw);
  }
  return patch;
}

const page = (c: C, s: ServiceSettings, opts: { error?: string; notice?: string } = {}) =>
  adminPage(
    c,
    '/admin/settings',
    c.var.t('admin.nav.settings'),
    <>
      <p>
        <a href="/admin/settings/branding">{c.var.t('admin.branding.link')}</a>
      </p>
      <Notice message={opts.notice} />
      {opts.error ? (
        <p class="error" role="alert">
          {c.var.t('admin.settings.notSaved', { reason: opts.error })}
        </p>
      ) : null}
      <SettingsForm s={s} csrf={c.var.session!.csrf_token} c={c} />
    </>,
  );

export const adminSettingsRoutes = new Hono<HttpEnv>()
  .get('/admin/settings', async (c) =>
    page(c, await getServiceSettings(c.var.ctx), {
      ...(c.req.query('saved') ? { notice: c.var.t('admin.settings.saved') } : {}),
    }),
  )
  .post('/admin/settings', async (c) => {
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const current = await getServiceSettings(c.var.ctx);
    let patch: Record<string, unknown> = {};
    try {
      patch = patchFrom(form, c.var.t);
      // Turned on only from a session that meets it: no one locks themselves out.
      if (patch.adminPhishingResistant && !current.adminPhishingResistant && !phishingResistant(c))
        throw new AppError('invalid_request', {
          detail: 'Sign in with a passkey first.',
          local: { key: 'admin.settings.adminPhishingResistantFirst' },
        });
      await updateServiceSettings(c.var.ctx, patch, c.var.actor!);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'invalid_request') throw e;
      c.status(400);
      // Show what was typed, with the reason; nothing was saved.
      return page(
        c,
        { ...current, ...(patch as Partial<ServiceSettings>) },
        { error: localMessage(e, c.var.t) },
      );
    }
    return c.redirect('/admin/settings?saved=1', 303);
  });
