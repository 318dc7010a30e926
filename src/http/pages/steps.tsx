import type { Child } from 'hono/jsx';
import type { AuthMethod } from '../../methods/types.ts';
import { Csrf, ErrorMessage, Layout } from './layout.tsx';

/** Proof-up: choose which method to register, among those the organisation allows. */
export const ProofupChooserPage = (p: {
  offer: AuthMethod<unknown>[];
  csrfToken: string;
  error?: string;
}) => (
  <Layout title="More information required">
    <p>
      Your organisation needs more information to keep your account secure. Choose how you want to
      verify it's you.
    </p>
    <ErrorMessage message={p.error} />
    <form method="post" action="/signin/proofup" class="stack">
      <Csrf token={p.csrfToken} />
      <fieldset>
        <legend>Verification method</legend>
        {p.offer.map((m, i) => (
          <label class="choice">
            <input type="radio" name="method" value={m.id} checked={i === 0} />
            <span>
              <strong>{m.label}</strong> — {m.description}
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit">Next</button>
    </form>
    <CancelForm csrfToken={p.csrfToken} />
  </Layout>
);

/** Proof-up: the chosen method's enrolment step (rendered by the method). */
export const EnrolPage = (p: {
  method: AuthMethod<unknown>;
  body: Child;
  error?: string;
  csrfToken: string;
}) => (
  <Layout title={`Set up: ${p.method.label}`}>
    <ErrorMessage message={p.error} />
    {p.body}
    <CancelForm csrfToken={p.csrfToken} />
  </Layout>
);

/** Second step: verify with a registered method; other registered methods are offered as links. */
export const VerifyPage = (p: {
  method: AuthMethod<unknown>;
  body: Child;
  others: { id: string; label: string }[];
  error?: string;
  csrfToken: string;
}) => (
  <Layout title="Verify your identity">
    <ErrorMessage message={p.error} />
    {p.body}
    {p.others.length > 0 ? (
      <details>
        <summary>Use a different verification option</summary>
        <ul>
          {p.others.map((o) => (
            <li>
              <a href={`/signin/step?method=${encodeURIComponent(o.id)}`}>{o.label}</a>
            </li>
          ))}
        </ul>
      </details>
    ) : null}
    <CancelForm csrfToken={p.csrfToken} />
  </Layout>
);

export const NoMethodPage = ({ csrfToken }: { csrfToken: string }) => (
  <Layout title="You can't sign in right now">
    <p>
      Your account needs a second verification method, but none of the methods your organisation
      allows can be used. Contact your administrator.
    </p>
    <CancelForm csrfToken={csrfToken} />
  </Layout>
);

const CancelForm = ({ csrfToken }: { csrfToken: string }) => (
  <form method="post" action="/signout" class="secondary">
    <Csrf token={csrfToken} />
    <button type="submit" class="link">
      Sign in as a different user
    </button>
  </form>
);

export const ErrorPage = ({ title, message }: { title: string; message: string }) => (
  <Layout title={title}>
    <p>{message}</p>
    <p>
      <a href="/">Go to the sign-in page</a>
    </p>
  </Layout>
);
