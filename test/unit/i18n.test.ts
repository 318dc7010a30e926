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

/** Where a message uses each argument, and the branches of its plurals. */
interface Uses {
  /** Arguments a plural (or selectordinal) chooses by. */
  plural: Set<string>;
  /** Arguments formatted as numbers ({x, number}). */
  number: Set<string>;
  /** Arguments that stand somewhere outside every plural's branches. */
  outside: Set<string>;
  /** The branch names of each plural: one, few, other, =0… */
  branches: string[][];
  /** The literal text, arguments left out. */
  text: string;
}

type Node = {
  type: number;
  value?: string;
  options?: Record<string, { value: Node[] }>;
  children?: Node[];
};

function usesOf(message: string, locale: string): Uses {
  const u: Uses = {
    plural: new Set(),
    number: new Set(),
    outside: new Set(),
    branches: [],
    text: '',
  };
  const walk = (nodes: Node[], inPlural: boolean) => {
    for (const n of nodes) {
      if (n.type === 0) u.text += n.value;
      else if (n.type === 6) {
        u.plural.add(n.value!);
        u.branches.push(Object.keys(n.options!));
        for (const o of Object.values(n.options!)) walk(o.value, true);
      } else {
        if (n.type === 2) u.number.add(n.value!);
        if (n.value && n.type !== 8 && !inPlural) u.outside.add(n.value);
        for (const o of Object.values(n.options ?? {})) walk(o.value, inPlural);
        walk(n.children ?? [], inPlural);
      }
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as Node[], false);
  return u;
}

/**
 * The catalogs' convention for counts: an argument named n, count, total, min,
 * max, a unit of time, or ending in Count holds a number and is always a plural
 * (or stands inside one's branches, as {min} in "{min} to # characters").
 */
const COUNT_NAME = /^(n|count|total|min|max|seconds|minutes|hours|days|weeks|months|years)$|Count$/;
/** Counts that need no plural, with why. */
const NOT_PLURAL: Record<string, string> = {
  // "s", the unit symbol, never changes; the Authenticator's script fills in {seconds} itself.
  'authenticator.codeExpires': 'seconds',
};
/** The plural forms each language needs in every plural (CLDR; cs and sk: many is for fractions). */
const PLURAL_FORMS: Record<Locale, string[]> = {
  en: ['one', 'other'],
  de: ['one', 'other'],
  fr: ['one', 'other'],
  es: ['one', 'other'],
  cs: ['one', 'few', 'many', 'other'],
  sk: ['one', 'few', 'many', 'other'],
};
/** Messages of more than a few words that may read the same as in English, with why. */
const SAME_AS_ENGLISH: Record<string, string> = {};

/** Words of at least two letters in a message's own text (not placeholders, not NAMES_LIKE_THIS). */
const wordsOf = (text: string) =>
  text.replace(/\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b/g, ' ').match(/\p{L}{2,}/gu) ?? [];

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

  it('every count is a plural, with the forms its language needs', () => {
    const problems: string[] = [];
    for (const key of Object.keys(catalogs.en) as (keyof typeof catalogs.en)[]) {
      const uses = locales.map((l) => [l, usesOf(catalogs[l][key], l)] as const);
      // A count by its name, or because some language chooses by it or formats it as a number.
      const counts = new Set<string>();
      for (const [, u] of uses)
        for (const name of [...u.plural, ...u.number, ...u.outside])
          if (COUNT_NAME.test(name) || u.plural.has(name) || u.number.has(name)) counts.add(name);
      for (const [locale, u] of uses) {
        for (const name of counts)
          if (u.outside.has(name) && !u.plural.has(name) && NOT_PLURAL[key] !== name)
            problems.push(`${locale} ${key}: {${name}} is a count outside a plural`);
        for (const branches of u.branches) {
          const missing = PLURAL_FORMS[locale].filter((f) => !branches.includes(f));
          if (missing.length)
            problems.push(`${locale} ${key}: a plural lacks ${missing.join(', ')}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('refuses a count that is not a plural (the check above works)', () => {
    const u = usesOf('Try again in {seconds} seconds.', 'en');
    assert.ok(u.outside.has('seconds') && !u.plural.has('seconds'));
    assert.ok(
      COUNT_NAME.test('seconds') && COUNT_NAME.test('createdCount') && COUNT_NAME.test('n'),
    );
    assert.ok(!COUNT_NAME.test('number'), '{number} is a phone number');
    const ok = usesOf(
      '{max, plural, one {{min} to # character} other {{min} to # characters}}',
      'en',
    );
    assert.ok(!ok.outside.has('min') && ok.plural.has('max'));
  });

  it('every message formats, with numbers for counts and text for the rest', () => {
    for (const locale of locales) {
      const t = translator(locale);
      for (const [key, message] of Object.entries(catalogs[locale])) {
        const u = usesOf(message, locale);
        const values = Object.fromEntries(
          argumentsOf(message, locale).map((name) => [
            name,
            COUNT_NAME.test(name) || u.plural.has(name) || u.number.has(name) ? 2 : 'x',
          ]),
        );
        for (const n of [0, 1, 2, 5, 21, 1.5])
          for (const name of Object.keys(values))
            if (typeof values[name] === 'number') values[name] = n;
        assert.doesNotThrow(() => t(key as keyof typeof catalogs.en, values), `${locale} ${key}`);
      }
    }
  });

  it('no message of more than three words is left in English', () => {
    const left: string[] = [];
    for (const locale of locales.filter((l) => l !== 'en'))
      for (const [key, english] of Object.entries(catalogs.en)) {
        const message = catalogs[locale][key as keyof typeof catalogs.en];
        if (
          message === english &&
          wordsOf(usesOf(english, 'en').text).length > 3 &&
          !Object.hasOwn(SAME_AS_ENGLISH, key)
        )
          left.push(`${locale} ${key}: ${english}`);
      }
    assert.deepEqual(left, []);
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
