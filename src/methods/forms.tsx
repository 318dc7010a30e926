// Form pieces the methods' views share (a code field, a one-button form).
import type { FormProps } from './types.ts';

export const CsrfField = ({ form }: { form: FormProps }) => (
  <input type="hidden" name="_csrf" value={form.csrfToken} />
);

/** "Don't ask again on this device", where the organisation allows it (second-factor pages). */
export const RememberDevice = ({ form }: { form: FormProps }) =>
  form.rememberDays ? (
    <label class="choice">
      <input type="checkbox" name="remember" value="on" />
      {form.t('code.remember', { days: form.rememberDays })}
    </label>
  ) : null;

/** "Code" and "Verify": the form every code-based method shows. */
export const CodeField = ({ form }: { form: FormProps }) => (
  <form method="post" action={form.action} class="stack">
    <CsrfField form={form} />
    <label for="code">{form.t('code.label')}</label>
    <input
      id="code"
      name="code"
      inputmode="numeric"
      autocomplete="one-time-code"
      pattern="[0-9 ]*"
      maxlength={8}
      required
      autofocus
    />
    <RememberDevice form={form} />
    <button type="submit">{form.t('code.verify')}</button>
  </form>
);

/** A form that is one button posting one flag (e.g. "Send a new code"). */
export const ActionButton = ({
  form,
  action,
  name,
  label,
  link,
}: {
  form: FormProps;
  action: string;
  name: string;
  label: string;
  link?: boolean;
}) => (
  <form method="post" action={action}>
    <CsrfField form={form} />
    <input type="hidden" name={name} value="1" />
    <button type="submit" class={link ? 'link' : undefined}>
      {label}
    </button>
  </form>
);
