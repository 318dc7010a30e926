// Portal: the authentication methods policy — each method on or off, for all
// users or members of chosen groups (never for members of an excluded group),
// with its options. The same service as the API and the command line.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { isAppError, localMessage } from '../../errors.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import {
  CAMPAIGN_METHODS,
  groupsNamed,
  type MethodsPolicy,
  POLICY_METHODS,
  type PolicyMethod,
  policyMethods,
  VOICE_PHONES,
  type VoicePhone,
} from '../../policy/methods-policy.ts';
import { changeMethodPolicy, getMethodsPolicy } from '../../services/methods-policy.ts';
import { undeliveredMethods } from '../../services/telephony-notice.ts';
import { countRegistered } from '../../services/usage-report.ts';
import { groupsStore } from '../../storage/groups.ts';
import type { HttpEnv } from '../env.ts';
import { type Form, readFormValues } from '../form.ts';
import { Csrf } from '../pages/layout.tsx';
import { checkCsrf } from '../session.ts';
import { adminPage, Notice } from './layout.tsx';
import { OutboxWarning } from './outbox-warning.tsx';

type C = Context<HttpEnv>;
const BASE = '/admin/methods-policy';
const PHONES = Object.keys(VOICE_PHONES) as VoicePhone[];

const methodName = (t: Translate, m: PolicyMethod) =>
  t(`admin.methodsPolicy.method.${m}` as MessageKey);

/** The groups a policy names, id → name (an id whose group is gone shows as it is). */
async function groupNames(c: C, policy: MethodsPolicy): Promise<Map<string, string>> {
  const store = groupsStore(c.var.ctx.db);
  const names = new Map<string, string>();
  for (const id of groupsNamed(policy)) {
    const g = await store.findById(id);
    names.set(id, g?.display_name ?? id);
  }
  return names;
}

/** Whether the method's texts or calls reach no one (the outbox provider). */
const undelivered = (c: C, m: PolicyMethod) =>
  POLICY_METHODS[m].some((type) =>
    (undeliveredMethods(c.var.ctx.config) as string[]).includes(type),
  );

function options(t: Translate, m: PolicyMethod, policy: MethodsPolicy): string {
  if (m === 'sms')
    return t(
      policy.sms.useForSignIn ? 'admin.methodsPolicy.smsSignIn' : 'admin.methodsPolicy.smsRecovery',
    );
  if (m === 'voice')
    return policy.voice.phones.map((p) => t(`admin.methodsPolicy.phone.${p}`)).join(', ');
  if (m === 'temporaryAccessPass') {
    const p = policy.temporaryAccessPass;
    return t(
      p.oneTimeOnly ? 'admin.methodsPolicy.passSummaryOnce' : 'admin.methodsPolicy.passSummary',
      {
        default: p.defaultLifetimeMinutes,
        longest: p.maxLifetimeMinutes,
        length: p.defaultLength,
      },
    );
  }
  if (m === 'registrationCampaign') {
    const c = policy.registrationCampaign;
    return t('admin.methodsPolicy.campaignSummary', {
      methods: c.methods.map((x) => t(`admin.methodsPolicy.campaign.method.${x}`)).join(', '),
      days: c.snoozeDays,
      limit: c.snoozeLimit,
    });
  }
  if (m === 'passkey') {
    const { allowedAaguids, attestationRequired } = policy.passkey;
    return [
      allowedAaguids.length ? t('admin.methodsPolicy.models', { n: allowedAaguids.length }) : '',
      attestationRequired ? t('admin.methodsPolicy.attested') : '',
    ]
      .filter(Boolean)
      .join(', ');
  }
  return '';
}

async function listPage(c: C) {
  const { t } = c.var;
  const policy = await getMethodsPolicy(c.var.ctx);
  const names = await groupNames(c, policy);
  const list = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  const phoneWarning = (['sms', 'voice'] as const).some((m) => undelivered(c, m));
  return adminPage(
    c,
    BASE,
    t('admin.nav.methodsPolicy'),
    <>
      <Notice message={c.req.query('saved') ? t('admin.common.saved') : undefined} />
      <p>{t('admin.methodsPolicy.intro')}</p>
      {phoneWarning ? <OutboxWarning c={c} /> : null}
      <PhoneOnly c={c} />
      <table class="cards">
        <caption>{t('admin.methodsPolicy.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.methodsPolicy.method')}</th>
            <th scope="col">{t('admin.methodsPolicy.state')}</th>
            <th scope="col">{t('admin.methodsPolicy.target')}</th>
            <th scope="col">{t('admin.methodsPolicy.excluded')}</th>
            <th scope="col">{t('admin.methodsPolicy.options')}</th>
          </tr>
        </thead>
        <tbody>
          {policyMethods.map((m) => {
            const p = policy[m];
            return (
              <tr id={`method-${m}`}>
                <td>
                  <a href={`${BASE}/${m}`}>{methodName(t, m)}</a>
                  {undelivered(c, m) ? (
                    <>
                      {' '}
                      <span class="tag tag-warn">{t('admin.outbox.tag')}</span>
                    </>
                  ) : null}
                </td>
                <td data-label={t('admin.methodsPolicy.state')}>
                  {t(p.enabled ? 'admin.methodsPolicy.on' : 'admin.methodsPolicy.off')}
                </td>
                <td data-label={t('admin.methodsPolicy.target')}>
                  {p.include === 'all' ? t('admin.methodsPolicy.allUsers') : list(p.include)}
                </td>
                <td data-label={t('admin.methodsPolicy.excluded')}>{list(p.exclude) || '—'}</td>
                <td data-label={t('admin.methodsPolicy.options')}>
                  {options(t, m, policy) || '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>,
  );
}

/** What the form shows: the policy's values, or what was typed (after a refusal). */
interface Shown {
  enabled: boolean;
  all: boolean;
  include: string;
  exclude: string;
  useForSignIn?: boolean;
  phones?: string[];
  allowedAaguids?: string;
  attestationRequired?: boolean;
  /** A registration campaign's options, as typed (numbers are checked by the service). */
  campaign?: { snoozeDays: string; snoozeLimit: string; methods: string[] };
  /** A Temporary Access Pass's options, as typed (numbers are checked by the service). */
  pass?: {
    defaultLifetimeMinutes: string;
    maxLifetimeMinutes: string;
    defaultLength: string;
    oneTimeOnly: boolean;
  };
}

const PASS_NUMBERS = ['defaultLifetimeMinutes', 'maxLifetimeMinutes', 'defaultLength'] as const;

async function shownFrom(c: C, m: PolicyMethod, policy: MethodsPolicy): Promise<Shown> {
  const names = await groupNames(c, policy);
  const lines = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join('\n');
  const p = policy[m];
  return {
    enabled: p.enabled,
    all: p.include === 'all',
    include: p.include === 'all' ? '' : lines(p.include),
    exclude: lines(p.exclude),
    ...(m === 'sms' ? { useForSignIn: policy.sms.useForSignIn } : {}),
    ...(m === 'voice' ? { phones: policy.voice.phones } : {}),
    ...(m === 'passkey'
      ? {
          allowedAaguids: policy.passkey.allowedAaguids.join('\n'),
          attestationRequired: policy.passkey.attestationRequired,
        }
      : {}),
    ...(m === 'registrationCampaign'
      ? {
          campaign: {
            snoozeDays: String(policy.registrationCampaign.snoozeDays),
            snoozeLimit: String(policy.registrationCampaign.snoozeLimit),
            methods: policy.registrationCampaign.methods,
          },
        }
      : {}),
    ...(m === 'temporaryAccessPass'
      ? {
          pass: {
            defaultLifetimeMinutes: String(policy.temporaryAccessPass.defaultLifetimeMinutes),
            maxLifetimeMinutes: String(policy.temporaryAccessPass.maxLifetimeMinutes),
            defaultLength: String(policy.temporaryAccessPass.defaultLength),
            oneTimeOnly: policy.temporaryAccessPass.oneTimeOnly,
          },
        }
      : {}),
  };
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function shownFromForm(m: PolicyMethod, form: Form): Shown {
  const f = form.fields;
  return {
    enabled: f.enabled === 'on',
    all: f.target !== 'groups',
    include: f.include ?? '',
    exclude: f.exclude ?? '',
    ...(m === 'sms' ? { useForSignIn: f.useForSignIn === 'on' } : {}),
    ...(m === 'voice' ? { phones: form.all('phones') } : {}),
    ...(m === 'passkey'
      ? {
          allowedAaguids: f.allowedAaguids ?? '',
          attestationRequired: f.attestationRequired === 'on',
        }
      : {}),
    ...(m === 'registrationCampaign'
      ? {
          campaign: {
            snoozeDays: (f.snoozeDays ?? '').trim(),
            snoozeLimit: (f.snoozeLimit ?? '').trim(),
            methods: form.all('methods'),
          },
        }
      : {}),
    ...(m === 'temporaryAccessPass'
      ? {
          pass: {
            defaultLifetimeMinutes: (f.defaultLifetimeMinutes ?? '').trim(),
            maxLifetimeMinutes: (f.maxLifetimeMinutes ?? '').trim(),
            defaultLength: (f.defaultLength ?? '').trim(),
            oneTimeOnly: f.oneTimeOnly === 'on',
          },
        }
      : {}),
  };
}

/** A whole number as a number; anything else as typed, for the service to refuse naming the bounds. */
const wholeOrAsTyped = (v: string) => (/^\d{1,6}$/.test(v) ? Number(v) : v);

/** The change the form asks for (the service checks it). */
function patchOf(m: PolicyMethod, s: Shown): Record<string, unknown> {
  return {
    enabled: s.enabled,
    include: s.all ? 'all' : lines(s.include),
    exclude: lines(s.exclude),
    ...(m === 'sms' ? { useForSignIn: s.useForSignIn } : {}),
    ...(m === 'voice' ? { phones: s.phones } : {}),
    ...(m === 'passkey'
      ? { allowedAaguids: lines(s.allowedAaguids), attestationRequired: s.attestationRequired }
      : {}),
    ...(s.campaign
      ? {
          snoozeDays: wholeOrAsTyped(s.campaign.snoozeDays),
          snoozeLimit: wholeOrAsTyped(s.campaign.snoozeLimit),
          methods: s.campaign.methods,
        }
      : {}),
    ...(s.pass
      ? {
          // Not a whole number: sent as typed, for the service to refuse, naming the bounds.
          ...Object.fromEntries(
            PASS_NUMBERS.map((k) => [
              k,
              /^\d{1,6}$/.test(s.pass![k]) ? Number(s.pass![k]) : s.pass![k],
            ]),
          ),
          oneTimeOnly: s.pass.oneTimeOnly,
        }
      : {}),
  };
}

function MethodForm({ c, m, s }: { c: C; m: PolicyMethod; s: Shown }) {
  const { t } = c.var;
  return (
    <form method="post" action={`${BASE}/${m}`} class="stack settings">
      <Csrf token={c.var.session!.csrf_token} />
      <label class="choice">
        <input type="checkbox" name="enabled" value="on" checked={s.enabled} />
        {t('admin.methodsPolicy.enabled', { method: methodName(t, m) })}
      </label>
      <fieldset>
        <legend>{t('admin.methodsPolicy.target')}</legend>
        <label class="choice">
          <input type="radio" name="target" value="all" checked={s.all} />
          {t('admin.methodsPolicy.allUsers')}
        </label>
        <label class="choice">
          <input type="radio" name="target" value="groups" checked={!s.all} />
          {t('admin.methodsPolicy.selected')}
        </label>
        <label>
          {t('admin.methodsPolicy.includeHelp')}
          <textarea name="include" rows={4} cols={40}>
            {s.include}
          </textarea>
        </label>
      </fieldset>
      <label>
        {t('admin.methodsPolicy.excludeHelp')}
        <textarea name="exclude" rows={3} cols={40}>
          {s.exclude}
        </textarea>
      </label>
      {m === 'sms' ? (
        <label class="choice">
          <input type="checkbox" name="useForSignIn" value="on" checked={s.useForSignIn} />
          {t('admin.methodsPolicy.useForSignIn')}
        </label>
      ) : null}
      {m === 'voice' ? (
        <fieldset>
          <legend>{t('admin.methodsPolicy.phones')}</legend>
          {PHONES.map((p) => (
            <label class="choice">
              <input type="checkbox" name="phones" value={p} checked={s.phones?.includes(p)} />
              {t(`admin.methodsPolicy.phone.${p}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {m === 'passkey' ? (
        <>
          <label>
            {t('admin.methodsPolicy.aaguids')}
            <textarea name="allowedAaguids" rows={4} cols={40}>
              {s.allowedAaguids}
            </textarea>
          </label>
          <label class="choice">
            <input
              type="checkbox"
              name="attestationRequired"
              value="on"
              checked={s.attestationRequired}
            />
            {t('admin.methodsPolicy.attestationRequired')}
          </label>
        </>
      ) : null}
      {s.campaign ? (
        <fieldset>
          <legend>{t('admin.methodsPolicy.campaignOptions')}</legend>
          <fieldset>
            <legend>{t('admin.methodsPolicy.campaign.methods')}</legend>
            {Object.keys(CAMPAIGN_METHODS).map((x) => (
              <label class="choice">
                <input
                  type="checkbox"
                  name="methods"
                  value={x}
                  checked={s.campaign!.methods.includes(x)}
                />
                {t(`admin.methodsPolicy.campaign.method.${x as 'authenticator' | 'passkey'}`)}
              </label>
            ))}
          </fieldset>
          {(['snoozeDays', 'snoozeLimit'] as const).map((k) => (
            <label>
              {t(`admin.methodsPolicy.campaign.${k}`)}
              <input type="number" name={k} value={s.campaign![k]} required />
            </label>
          ))}
        </fieldset>
      ) : null}
      {s.pass ? (
        <fieldset>
          <legend>{t('admin.methodsPolicy.passOptions')}</legend>
          {PASS_NUMBERS.map((k) => (
            <label>
              {t(`admin.methodsPolicy.pass.${k}`)}
              <input type="number" name={k} value={s.pass![k]} required />
            </label>
          ))}
          <label class="choice">
            <input type="checkbox" name="oneTimeOnly" value="on" checked={s.pass.oneTimeOnly} />
            {t('admin.methodsPolicy.pass.oneTimeOnly')}
          </label>
        </fieldset>
      ) : null}
      <button type="submit">{t('admin.common.save')}</button>
    </form>
  );
}

const methodPage = (c: C, m: PolicyMethod, s: Shown, error?: string) =>
  adminPage(
    c,
    BASE,
    methodName(c.var.t, m),
    <>
      <p>
        <a href={BASE}>{c.var.t('admin.nav.methodsPolicy')}</a>
      </p>
      {undelivered(c, m) ? <OutboxWarning c={c} /> : null}
      {error ? (
        <p class="error" role="alert">
          {c.var.t('admin.settings.notSaved', { reason: error })}
        </p>
      ) : null}
      {m === 'registrationCampaign' ? <PhoneOnly c={c} /> : null}
      <MethodForm c={c} m={m} s={s} />
    </>,
  );

/** How many users the campaign is for: those who rely on texts and calls alone. */
const PhoneOnly = async ({ c }: { c: C }) => (
  <p id="phone-only">
    {c.var.t('admin.methodsPolicy.phoneOnly', {
      count: await countRegistered(c.var.ctx, 'phoneOnly'),
    })}
  </p>
);

const methodOf = (c: C): PolicyMethod | undefined => {
  const m = c.req.param('method');
  return (policyMethods as string[]).includes(m ?? '') ? (m as PolicyMethod) : undefined;
};

export const adminMethodsPolicyRoutes = new Hono<HttpEnv>()
  .get(BASE, (c) => listPage(c))
  .get(`${BASE}/:method`, async (c) => {
    const m = methodOf(c);
    if (!m) return c.notFound();
    return methodPage(c, m, await shownFrom(c, m, await getMethodsPolicy(c.var.ctx)));
  })
  .post(`${BASE}/:method`, async (c) => {
    const m = methodOf(c);
    if (!m) return c.notFound();
    const form = await readFormValues(c);
    checkCsrf(c, form.fields._csrf);
    const shown = shownFromForm(m, form);
    try {
      await changeMethodPolicy(c.var.ctx, m, patchOf(m, shown), c.var.actor!);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'invalid_request') throw e;
      // Show what was typed, with the reason; nothing was saved.
      c.status(400);
      return methodPage(c, m, shown, localMessage(e, c.var.t));
    }
    return c.redirect(`${BASE}?saved=1#method-${m}`, 303);
  });
