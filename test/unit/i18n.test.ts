import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import {
  acceptLanguage,
  catalogs,
  type Locale,
  locales,
  negotiate,
  translator,
} from '../../src/i18n/index.ts';

/** The argument names an ICU message uses ({name}, {n, plural, …}). */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const n of nodes as {
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
    }[]) {
      if (n.type !== 0 && n.type !== 7 && n.value) names.add(n.value);
      for (const o of Object.values(n.options ?? {})) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

describe('message catalogs', () => {
  const en = catalogs.en;
  it('ships English, German, French, Spanish, Czech and Slovak', () => {
    assert.deepEqual([...locales].sort(), ['cs', 'de', 'en', 'es', 'fr', 'sk']);
  });

  for (const locale of locales) {
    it(`${locale}: has every key, no extra key, and each message parses with the same arguments`, () => {
      const catalog = catalogs[locale] as Record<string, string>;
      assert.deepEqual(Object.keys(catalog).sort(), Object.keys(en).sort());
      for (const [key, message] of Object.entries(catalog)) {
        assert.equal(typeof message, 'string', key);
        assert.ok(message.trim().length > 0, `${locale} ${key} is empty`);
        assert.deepEqual(
          argumentsOf(message, locale),
          argumentsOf(en[key as keyof typeof en], 'en'),
          `${locale} ${key}`,
        );
      }
    });
  }

  it('other languages are translated, not copies of English', () => {
    for (const locale of locales.filter((l) => l !== 'en')) {
      const t = translator(locale);
      const same = (['signin.title', 'verify.title', 'proofup.title', 'sms.text'] as const).filter(
        (k) =>
          t(k, { code: '1', issuer: 'P', minutes: 5 }) ===
          translator('en')(k, { code: '1', issuer: 'P', minutes: 5 }),
      );
      assert.deepEqual(same, [], `${locale} has English text`);
    }
  });

  it('formats values and plurals', () => {
    const t = translator('en');
    assert.equal(
      t('account.signedInAs', { name: 'Alice', upn: 'a@b.com' }),
      'Signed in as Alice (a@b.com)',
    );
    assert.match(
      translator('de')('sms.text', { code: '123456', issuer: 'Portcullis', minutes: 5 }),
      /123456/,
    );
  });
});

describe('language negotiation', () => {
  it('reads Accept-Language by q and picks the best supported language', () => {
    assert.deepEqual(acceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5'), [
      'fr-CH',
      'fr',
      'en',
      'de',
    ]);
    assert.equal(negotiate(acceptLanguage('de-AT,de;q=0.9,en;q=0.5')), 'de');
    assert.equal(negotiate(acceptLanguage('sk')), 'sk');
    assert.equal(negotiate(acceptLanguage('ja,zh;q=0.8')), 'en');
    assert.equal(negotiate(['cs-CZ']), 'cs' satisfies Locale);
  });
  it('survives garbage', () => {
    for (const h of ['', ';;;', 'q=1', 'x'.repeat(5000), '\u0000', 'de;q=abc', '*'])
      assert.ok(locales.includes(negotiate(acceptLanguage(h))));
  });
});
