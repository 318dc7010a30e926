/** The columns of the user import template, in its order (all but the first may be left out). */
export const IMPORT_COLUMNS = [
  'UserPrincipalName',
  'DisplayName',
  'Mobile',
  'Language',
  'MFA Status',
  'Email',
] as const;

/** The template, with one example row (portal download, `user import --template`, the API). */
export const IMPORT_TEMPLATE = `${IMPORT_COLUMNS.join(',')}\r\nalice@contoso.com,Alice Example,+44 7700 900123,en-GB,Enabled,alice@contoso.com\r\n`;
