import type { Child } from 'hono/jsx';
import type { AuthMethod } from '../../methods/types.ts';
import { Csrf, ErrorMessage, Layout, methodText, type PageProps } from './layout.tsx';

/** Proof-up: choose which method to register, among those the organisation allows. */
export const ProofupChooserPage = (
  p: PageProps & {
    offer: AuthMethod<unknown>[];
    csrfToken: string;
    error?: string;
    /** Enrolment grace: the user may postpone, this many days still. */
    graceDaysLeft?: number;
    /** The registration campaign asks (the user has a method, a weaker one). */
    campaign?: { snoozesLeft: number | null; snoozeDays: number } | undefined;
  },
) => (
  <Layout t={p.t} lang={p.lang} title={p.t(p.campaign ? 'campaign.title' : 'proofup.title')}>
    <p>{p.t(p.campaign ? 'campaign.intro' : 'proofup.intro')}</p>
    <ErrorMessage message={p.error} />
    <form method="post" action="/signin/proofup" class="stack">
      <Csrf token={p.csrfToken} />
      <fieldset>
        <legend>{p.t('proofup.legend')}</legend>
        {p.offer.map((m, i) => {
          const text = methodText(p.t, m);
          return (
            <label class="choice">
              <input type="radio" name="method" value={m.id} checked={i === 0} />
              <span>
                <strong>{text.label}</strong> — {text.description}
              </span>
            </label>
          );
        })}
      </fieldset>
      <button type="submit">{p.t('proofup.next')}</button>
    </form>
    {p.campaign ? <CampaignSnooze {...p} campaign={p.campaign} /> : null}
    {p.graceDaysLeft ? (
      <form method="post" action="/signin/proofup/postpone" class="stack">
        <Csrf token={p.csrfToken} />
        <p>{p.t('proofup.graceLeft', { days: p.graceDaysLeft })}</p>
        <button type="submit" class="secondary-button">
          {p.t('proofup.postpone')}
        </button>
      </form>
    ) : null}
    <CancelForm {...p} />
  </Layout>
);

/** The campaign's "Not now", while the user's snoozes last; after, why there is none. */
const CampaignSnooze = (
  p: PageProps & {
    csrfToken: string;
    campaign: { snoozesLeft: number | null; snoozeDays: number };
  },
) =>
  p.campaign.snoozesLeft === 0 ? (
    <p>{p.t('campaign.mustSetUp')}</p>
  ) : (
    <form method="post" action="/signin/proofup/postpone" class="stack">
      <Csrf token={p.csrfToken} />
      <p>
        {p.t('campaign.askedAgain', { days: p.campaign.snoozeDays })}
        {p.campaign.snoozesLeft === null
          ? null
          : ` ${p.t('campaign.snoozesLeft', { count: p.campaign.snoozesLeft })}`}
      </p>
      <button type="submit" class="secondary-button">
        {p.t('proofup.postpone')}
      </button>
    </form>
  );

/**
 * After an admin reset the password (the one-time password stops working),
 * or the user's high risk asks for a new one: choose a new one.
 */
export const ChangePasswordPage = (
  p: PageProps & { csrfToken: string; error?: string; risk: boolean },
) => (
  <Layout t={p.t} lang={p.lang} title={p.t('password.title')}>
    <p>{p.t(p.risk ? 'password.introRisk' : 'password.intro')}</p>
    <ErrorMessage message={p.error} />
    <form method="post" action="/signin/password" class="stack">
      <Csrf token={p.csrfToken} />
      <label>
        {p.t('password.new')}
        <input
          type="password"
          name="password"
          autocomplete="new-password"
          required
          minlength={8}
          maxlength={256}
          autofocus
        />
      </label>
      <label>
        {p.t('password.confirm')}
        <input type="password" name="confirm" autocomplete="new-password" required />
      </label>
      <button type="submit">{p.t('password.submit')}</button>
    </form>
    <CancelForm {...p} />
  </Layout>
);

/** Proof-up: the chosen method's enrolment step (rendered by the method). */
export const EnrolPage = (
  p: PageProps & {
    method: AuthMethod<unknown>;
    body: Child;
    error?: string;
    csrfToken: string;
    /** Other methods are offered: a way back to the list. */
    canChooseAnother?: boolean;
  },
) => (
  <Layout
    t={p.t}
    lang={p.lang}
    title={p.t('enrol.title', { method: methodText(p.t, p.method).label })}
  >
    <ErrorMessage message={p.error} />
    {p.body}
    {p.canChooseAnother ? (
      <form method="post" action="/signin/proofup/back" class="secondary">
        <Csrf token={p.csrfToken} />
        <button type="submit" class="link">
          {p.t('proofup.chooseAnother')}
        </button>
      </form>
    ) : null}
    <CancelForm {...p} />
  </Layout>
);

/** Second step: verify with a registered method; other registered methods are offered as links. */
export const VerifyPage = (
  p: PageProps & {
    body: Child;
    others: { id: string; label: string }[];
    /** Recovery codes are among the other options (what to do when the phone is lost). */
    hasRecoveryCodes: boolean;
    error?: string;
    csrfToken: string;
  },
) => (
  <Layout t={p.t} lang={p.lang} title={p.t('verify.title')}>
    <ErrorMessage message={p.error} />
    {p.body}
    {p.others.length > 0 ? (
      <details>
        <summary>{p.t('verify.otherOptions')}</summary>
        <ul>
          {p.others.map((o) => (
            <li>
              <a href={`/signin/step?method=${encodeURIComponent(o.id)}`}>{o.label}</a>
            </li>
          ))}
        </ul>
      </details>
    ) : null}
    <details class="lost">
      <summary>{p.t('verify.lostTitle')}</summary>
      <p>{p.t(p.hasRecoveryCodes ? 'verify.lostWithRecovery' : 'verify.lostNoRecovery')}</p>
    </details>
    <CancelForm {...p} />
  </Layout>
);

export const NoMethodPage = (p: PageProps & { csrfToken: string }) => (
  <Layout t={p.t} lang={p.lang} title={p.t('noMethod.title')}>
    <p>{p.t('noMethod.body')}</p>
    <CancelForm {...p} />
  </Layout>
);

const CancelForm = (p: PageProps & { csrfToken: string }) => (
  <form method="post" action="/signout" class="secondary">
    <Csrf token={p.csrfToken} />
    <button type="submit" class="link">
      {p.t('signin.differentUser')}
    </button>
  </form>
);

export const ErrorPage = (p: PageProps & { title: string; message: string }) => (
  <Layout t={p.t} lang={p.lang} title={p.title}>
    <p>{p.message}</p>
    <p>
      <a href="/">{p.t('error.backToSignin')}</a>
    </p>
  </Layout>
);

/** Signed in, with something to read first (a method's notice); Continue goes on. */
export const NoticePage = (p: PageProps & { message: string; next: string }) => (
  <Layout t={p.t} lang={p.lang} title={p.t('notice.title')}>
    <p role="status">{p.message}</p>
    <p>
      <a href={p.next} class="button">
        {p.t('notice.continue')}
      </a>
    </p>
  </Layout>
);
