// The portal's words in the page language: its messages are the catalogs' admin.*
// keys (src/i18n/locales/admin/), formatted by the request's `t`.
import type { Child } from 'hono/jsx';
import type { Front, MfaState } from '../../db/schema.ts';
import { isMessageKey, type MessageKey, type Translate } from '../../i18n/index.ts';
import { findMethodInfo } from '../../methods/catalogue.ts';

const MARK = '\u0000';

/**
 * A message whose placeholders hold markup (a link, `<code>`): formatted with a
 * marker in each such place, then split around the markers, so the translation
 * decides where the markup goes and every string in it is still escaped.
 */
export function rich(
  t: Translate,
  key: MessageKey,
  values: Record<string, string | number | Child>,
): Child[] {
  const nodes: Child[] = [];
  const plain: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(values)) {
    if (typeof v === 'number') plain[name] = v;
    else if (typeof v === 'string') plain[name] = v.replaceAll(MARK, '');
    else {
      plain[name] = `${MARK}${nodes.length}${MARK}`;
      nodes.push(v);
    }
  }
  return t(key, plain)
    .split(MARK)
    .map((part, i) => (i % 2 === 1 ? nodes[Number(part)] : part));
}

/** A method's name from the catalogs (method.<id>.label), else its English name. */
export function methodLabel(t: Translate, id: string): string {
  const key = `method.${id}.label`;
  return isMessageKey(key) ? t(key) : (findMethodInfo(id)?.label ?? id);
}

/** A count as the page language writes it (9,999; 9.999; 9 999), like ICU's # in a plural. */
export const formatCount = (locale: string, n: number): string =>
  new Intl.NumberFormat(locale).format(n);

/** Disabled, Enabled or Enforced in the page language (the values sent stay English). */
export const stateLabel = (t: Translate, s: MfaState): string => t(`mfaState.${s}`);

const FRONTS = {
  verify: 'admin.apps.front.verify',
  'forward-auth': 'admin.apps.front.forwardAuth',
  ldap: 'admin.apps.front.ldap',
  radius: 'admin.apps.front.radius',
} as const satisfies Record<Front, MessageKey>;

/** A way in to sign-ins (the browser, or a legacy front), in the page language; another as stored. */
export function frontLabel(t: Translate, front: string): string {
  if (front === 'browser') return t('admin.signins.browser');
  return Object.hasOwn(FRONTS, front) ? t(FRONTS[front as Front]) : front;
}
