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
    ['PreferredLanguage', u.preferredLanguage],
    ['IsAdmin', u.isAdmin ? 'True' : 'False'],
    ['BlockCredential', u.blockCredential ? 'True' : 'False'],
    ['LastSignIn', u.lastSignInAt ?? ''],
    ['FraudReportedAt', u.fraudReportedAt ?? ''],
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
