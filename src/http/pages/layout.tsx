import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { isMessageKey, type Translate } from '../../i18n/index.ts';
import type { AuthMethod } from '../../methods/types.ts';
import { pageExtras } from '../page-context.ts';

/** What every page needs: the translate function and the page language. */
export interface PageProps {
  t: Translate;
  lang: string;
}

export const Layout = ({
  t,
  lang,
  title,
  children,
}: PageProps & { title: string; children: Child }) => {
  const { brand, staleForm } = pageExtras();
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{t('layout.title', { title, brand: brand.name })}</title>
          <link rel="stylesheet" href="/static/app.css" />
          <script src="/static/local-time.js" defer />
        </head>
        <body>
          <main class="card">
            <p class="brand">
              {brand.logoPath ? <img src={brand.logoPath} alt="" class="logo" /> : null}
              {brand.name}
            </p>
            <h1>{title}</h1>
            {staleForm ? (
              <p class="notice" role="status">
                {t('layout.stale')}
              </p>
            ) : null}
            {children}
            <HelpFooter t={t} />
          </main>
        </body>
      </html>
    </>
  );
};

/** The organisation's help text and link, where it set them. */
export const HelpFooter = ({ t }: { t: Translate }) => {
  const { brand } = pageExtras();
  if (!brand.helpText && !brand.helpUrl) return null;
  return (
    <footer class="help">
      {brand.helpText ? <p class="help-text">{brand.helpText}</p> : null}
      {brand.helpUrl ? (
        <p>
          <a href={brand.helpUrl}>{t('layout.helpLink')}</a>
        </p>
      ) : null}
    </footer>
  );
};

export const ErrorMessage = ({ message }: { message: string | undefined }) =>
  message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;

export const Csrf = ({ token }: { token: string }) => (
  <input type="hidden" name="_csrf" value={token} />
);

/** A method's name and description in the page language (catalog keys method.<id>.*). */
export function methodText(t: Translate, m: AuthMethod<unknown>) {
  const text = (k: 'label' | 'description') => {
    const key = `method.${m.id}.${k}`;
    return isMessageKey(key) ? t(key) : m[k];
  };
  return { label: text('label'), description: text('description') };
}
