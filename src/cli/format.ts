import type { UserView } from '../services/users.ts';

/** A plain text table: header, dashes, rows (like PowerShell's Format-Table). */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(' ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const indent = (text: string, by: number) =>
  text
    .split('\n')
    .map((l) => ' '.repeat(by) + l)
    .join('\n');

/** One user the way `Get-MsolUser -UserPrincipalName … | fl` lays it out. */
export function formatUser(u: UserView): string {
  const fields: [string, string][] = [
    ['UserPrincipalName', u.userPrincipalName],
    ['DisplayName', u.displayName],
    ['PreferredLanguage', u.preferredLanguage ?? ''],
    ['IsAdmin', u.isAdmin ? 'True' : 'False'],
    ['BlockCredential', u.blockCredential ? 'True' : 'False'],
    ['LastSignIn', u.lastSignInAt ?? ''],
    ['FraudReportedAt', u.fraudReportedAt ?? ''],
    ['RiskLevel', u.riskLevel],
    ['RiskState', u.riskState],
  ];
  const width = 'StrongAuthenticationRequirements'.length;
  const out = fields.map(([k, v]) => `${k.padEnd(width)} : ${v}`);
  const reqs = u.strongAuthenticationRequirements.map((r) => [r.relyingParty, r.state]);
  out.push(`${'StrongAuthenticationRequirements'.padEnd(width)} :${reqs.length ? '' : ' {}'}`);
  if (reqs.length) out.push(indent(table(['RelyingParty', 'State'], reqs), 4));
  const methods = u.strongAuthenticationMethods.map((m) => [
    m.methodType,
    m.isDefault ? 'True' : 'False',
    m.phoneNumber ?? '',
  ]);
  out.push(`${'StrongAuthenticationMethods'.padEnd(width)} :${methods.length ? '' : ' {}'}`);
  if (methods.length)
    out.push(indent(table(['MethodType', 'IsDefault', 'PhoneNumber'], methods), 4));
  return out.join('\n');
}

export const userRow = (u: UserView) => [
  u.userPrincipalName,
  u.displayName,
  u.mfaState,
  u.strongAuthenticationMethods.find((m) => m.isDefault)?.methodType ?? '',
  u.isAdmin ? 'True' : 'False',
];
export const userHeaders = [
  'UserPrincipalName',
  'DisplayName',
  'MfaState',
  'DefaultMethod',
  'IsAdmin',
];

/** `*` and `?` wildcards, any case (PowerShell's -like). */
export function wildcard(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

const pascal = (k: string) => k[0]!.toUpperCase() + k.slice(1);

function listValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return `{${v.map(listValue).join(', ')}}`;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'object') return Object.values(v).map(listValue).filter(Boolean).join(' ');
  return String(v);
}

/**
 * `Get-MsolUser … | Select-Object <pattern>`: the user's properties whose names
 * match, as PowerShell's list view prints them.
 */
export function selectProperties(u: UserView, pattern: string): Record<string, unknown> {
  const re = wildcard(pattern);
  const view: Record<string, unknown> = {
    ...u,
    strongAuthenticationMethods: u.strongAuthenticationMethods.map((m) => ({
      methodType: m.methodType,
      isDefault: m.isDefault,
      ...(m.phoneNumber ? { phoneNumber: m.phoneNumber } : {}),
    })),
    strongAuthenticationUserDetails: {
      phoneNumber: u.strongAuthenticationMethods.find((m) => m.phoneNumber)?.phoneNumber ?? null,
      email: u.userPrincipalName,
    },
  };
  return Object.fromEntries(
    Object.entries(view)
      .map(([k, v]) => [pascal(k), v] as const)
      .filter(([k]) => re.test(k))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

export function formatList(props: Record<string, unknown>): string {
  const width = Math.max(0, ...Object.keys(props).map((k) => k.length));
  return Object.entries(props)
    .map(([k, v]) => {
      if (k === 'StrongAuthenticationMethods' && Array.isArray(v))
        return `${k.padEnd(width)} : {${(
          v as { methodType: string; isDefault: boolean; phoneNumber?: string }[]
        )
          .map(
            (m) =>
              `${m.methodType}${m.isDefault ? ' (default)' : ''}${m.phoneNumber ? ` ${m.phoneNumber}` : ''}`,
          )
          .join(', ')}}`;
      if (k === 'StrongAuthenticationRequirements' && Array.isArray(v))
        return `${k.padEnd(width)} : {${(v as { relyingParty: string; state: string }[])
          .map((r) => `${r.relyingParty}: ${r.state}`)
          .join(', ')}}`;
      return `${k.padEnd(width)} : ${listValue(v)}`;
    })
    .join('\n');
}

/** A progress bar on a terminal (standard error), nothing otherwise. */
export function progressBar(label: string): (done: number, total: number) => void {
  if (!process.stderr.isTTY) return () => {};
  return (done, total) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done >= total ? '\n' : ''}`,
    );
  };
}
