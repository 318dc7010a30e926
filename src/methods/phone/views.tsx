import { ActionButton, CodeField, CsrfField } from '../forms.tsx';
import type { FormProps } from '../types.ts';
import { countryOptions, defaultCountry } from './numbers.ts';

/** Proof-up: which number (country, number, an extension for office phones), and how to check it. */
export const NumberForm = ({
  form,
  locale,
  withExtension,
  channels,
  preferred,
  suggested,
}: {
  form: FormProps;
  locale: string;
  withExtension: boolean;
  channels: readonly ('text' | 'call')[];
  preferred: 'text' | 'call';
  /** The directory's mobile number, masked: offered first. */
  suggested?: string | null;
}) => {
  const typed = form.values ?? {};
  const selected = typed.country ?? defaultCountry(locale);
  return (
    <form method="post" action={form.action} class="stack">
      <CsrfField form={form} />
      <p>{form.t('phone.intro')}</p>
      {suggested ? (
        <fieldset>
          <legend class="visually-hidden">{form.t('phone.intro')}</legend>
          <label class="choice">
            <input
              type="radio"
              name="numberFrom"
              value="directory"
              checked={typed.numberFrom !== 'other'}
            />
            <span>{form.t('phone.fromDirectory', { number: suggested })}</span>
          </label>
          <label class="choice">
            <input
              type="radio"
              name="numberFrom"
              value="other"
              checked={typed.numberFrom === 'other'}
            />
            <span>{form.t('phone.otherNumber')}</span>
          </label>
        </fieldset>
      ) : null}
      <label for="country">{form.t('phone.country')}</label>
      <select id="country" name="country">
        {countryOptions(locale).map((c) => (
          <option value={c.code} selected={c.code === selected}>
            {`${c.name} (+${c.callingCode})`}
          </option>
        ))}
      </select>
      <label for="number">{form.t('phone.number')}</label>
      <input
        id="number"
        name="number"
        type="tel"
        autocomplete="tel-national"
        value={typed.number}
        required={!suggested}
        autofocus={!suggested}
      />
      {withExtension ? (
        <>
          <label for="extension">{form.t('phone.extension')}</label>
          <input id="extension" name="extension" inputmode="numeric" value={typed.extension} />
        </>
      ) : null}
      {channels.length > 1 ? (
        <fieldset>
          <legend>{form.t('phone.how')}</legend>
          {channels.map((c) => (
            <label class="choice">
              <input
                type="radio"
                name="channel"
                value={c}
                checked={c === (typed.channel ?? preferred)}
              />
              <span>{form.t(c === 'text' ? 'phone.textMe' : 'phone.callMe')}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <button type="submit">{form.t('proofup.next')}</button>
    </form>
  );
};

/** A code was texted: type it back; or ask for a new one; or say it wasn't you. */
export const CodeForm = ({
  form,
  masked,
  resendAction,
  fraudHref,
}: {
  form: FormProps;
  masked: string;
  resendAction: string;
  fraudHref?: string;
}) => (
  <div class="stack">
    <p>{form.t('sms.sent', { number: masked })}</p>
    <CodeField form={form} />
    <ActionButton
      form={form}
      action={resendAction}
      name="resend"
      label={form.t('sms.resend')}
      link
    />
    {fraudHref ? <a href={fraudHref}>{form.t('sms.notMe')}</a> : null}
  </div>
);

/**
 * A call is ringing: the page reloads itself every few seconds (no script
 * needed) to see whether # was pressed; Continue does the same by hand.
 */
export const CallWait = ({
  form,
  masked,
  pollHref,
  resendAction,
}: {
  form: FormProps;
  masked: string;
  pollHref: string;
  resendAction: string;
}) => (
  <div class="stack">
    <meta http-equiv="refresh" content={`3;url=${pollHref}`} />
    <p>{form.t('call.calling', { number: masked })}</p>
    <p class="muted">{form.t('call.waiting')}</p>
    <ActionButton form={form} action={form.action} name="check" label={form.t('call.continue')} />
    <ActionButton
      form={form}
      action={resendAction}
      name="resend"
      label={form.t('call.again')}
      link
    />
  </div>
);
