// The audit log in words: an action's name in the page language, and its
// detail as labelled values — methods by name, times in the reader's time zone,
// a change as "before → after" — instead of raw JSON and milliseconds.
import type { Child } from 'hono/jsx';
import type { AppContext } from '../../context.ts';
import { isMessageKey, type Translate } from '../../i18n/index.ts';
import { listApps } from '../../services/applications.ts';
import { LocalTime } from '../pages/time.tsx';
import { methodLabel } from './i18n.tsx';

/** "user_created", "methodTypes" → "User created", "Method types" (what has no words of its own). */
const humanise = (id: string) => {
  const words = id
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** An audit action in the page language. */
export function auditActionLabel(t: Translate, action: string): string {
  const key = `admin.auditAction.${action}`;
  return isMessageKey(key) ? t(key) : humanise(action);
}

const keyLabel = (t: Translate, k: string) => {
  const key = `admin.auditKey.${k}`;
  return isMessageKey(key) ? t(key) : humanise(k);
};

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
const isMoment = (k: string, v: unknown) =>
  (typeof v === 'number' && /At$/.test(k) && v > 1e11) || (typeof v === 'string' && ISO.test(v));

interface Ctx {
  t: Translate;
  lang: string;
  apps: ReadonlyMap<string, string>;
}

function value(x: Ctx, k: string, v: unknown): Child {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return x.t(v ? 'admin.common.yes' : 'admin.common.no');
  if (isMoment(k, v)) return <LocalTime at={v as number | string} lang={x.lang} />;
  if (/^(methodTypes?|allowedMethods)$/.test(k))
    return [v]
      .flat()
      .map((m) => methodLabel(x.t, String(m)))
      .join(', ');
  if (/^(application|scopes|applications)$/.test(k))
    return [v]
      .flat()
      .map((id) => x.apps.get(String(id)) ?? String(id))
      .join(', ');
  if (Array.isArray(v))
    return v.length === 0
      ? '—'
      : v.map((e) => (typeof e === 'object' ? JSON.stringify(e) : String(e))).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // A change: { from, to }.
    if (Object.keys(o).length === 2 && 'from' in o && 'to' in o)
      return (
        <>
          {value(x, k, o.from)} → {value(x, k, o.to)}
        </>
      );
    return <DetailList x={x} detail={o} />;
  }
  if (typeof v === 'number') return new Intl.NumberFormat(x.lang).format(v);
  return String(v);
}

const DetailList = ({ x, detail }: { x: Ctx; detail: Record<string, unknown> }) => (
  <ul class="detail">
    {Object.entries(detail).map(([k, v]) => (
      <li>
        <span class="detail-key">{keyLabel(x.t, k)}</span>: {value(x, k, v)}
      </li>
    ))}
  </ul>
);

/** An audit event's detail, labelled; nothing when it has none. */
export const AuditDetail = (p: {
  t: Translate;
  lang: string;
  apps: ReadonlyMap<string, string>;
  detail: Record<string, unknown>;
}) =>
  Object.keys(p.detail).length === 0 ? null : (
    <DetailList x={{ t: p.t, lang: p.lang, apps: p.apps }} detail={p.detail} />
  );

/** Application names by id, for the tables that name applications. */
export async function appNames(ctx: AppContext): Promise<ReadonlyMap<string, string>> {
  return new Map((await listApps(ctx)).map((a) => [a.id, a.name]));
}
