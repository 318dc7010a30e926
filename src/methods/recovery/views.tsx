import { CsrfField, RememberDevice } from '../forms.tsx';
import type { FormProps } from '../types.ts';

/** The new set, shown once, with a text file to keep and "I have saved these codes". */
export const EnrolView = ({
  codes,
  file,
  fileName,
  replaces,
  form,
}: {
  codes: readonly string[];
  /** The text file's content. */
  file: string;
  fileName: string;
  /** The user has a set already, which these codes replace. */
  replaces: boolean;
  form: FormProps;
}) => (
  <div class="stack">
    <p>{form.t('recovery.intro')}</p>
    {replaces ? <p>{form.t('recovery.replaces')}</p> : null}
    <ol id="recovery-codes" aria-label={form.t('recovery.listLabel')}>
      {codes.map((c) => (
        <li>
          <code>{c}</code>
        </li>
      ))}
    </ol>
    {/* A data: link with `download` saves the file without any script (CSP script-src 'self'). */}
    <p>
      <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`} download={fileName}>
        {form.t('recovery.download')}
      </a>
    </p>
    <form method="post" action={form.action} class="stack">
      <CsrfField form={form} />
      <input type="hidden" name="saved" value="1" />
      <button type="submit">{form.t('recovery.saved')}</button>
    </form>
  </div>
);

/** "Recovery code" and "Verify": letters and digits, so not the numeric code field. */
export const VerifyView = ({ form }: { form: FormProps }) => (
  <div class="stack">
    <p>{form.t('recovery.enterCode')}</p>
    <form method="post" action={form.action} class="stack">
      <CsrfField form={form} />
      <label for="code">{form.t('recovery.label')}</label>
      <input
        id="code"
        name="code"
        autocomplete="off"
        autocapitalize="none"
        spellcheck={false}
        maxlength={32}
        required
        autofocus
      />
      <RememberDevice form={form} />
      <button type="submit">{form.t('code.verify')}</button>
    </form>
  </div>
);
