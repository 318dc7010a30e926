// The users list's filter (search, MFA state, risk), read the same way by the
// list, its CSV export and an action on "all that match", and written back
// into their links and forms.
import type { UserQuery } from '../../services/users.ts';
import { mfaStates } from '../../services/validation.ts';

export type UserFilter = Pick<UserQuery, 'search' | 'mfaState' | 'riskLevel'>;

/** The filter from a query or form (`q`, `state`, `risk`); what is not valid is ignored. */
export function userFilterOf(fields: Record<string, string | undefined>): UserFilter {
  const search = (fields.q ?? '').slice(0, 120);
  const mfaState = mfaStates.find((s) => s === fields.state);
  return {
    ...(search ? { search } : {}),
    ...(mfaState ? { mfaState } : {}),
    ...(fields.risk === 'high' ? { riskLevel: 'high' as const } : {}),
  };
}

/** The filter as the fields that give it back (only those set). */
export const userFilterFields = (f: UserFilter): [string, string][] => [
  ...(f.search ? [['q', f.search] as [string, string]] : []),
  ...(f.mfaState ? [['state', f.mfaState] as [string, string]] : []),
  ...(f.riskLevel ? [['risk', f.riskLevel] as [string, string]] : []),
];

export const isFiltered = (f: UserFilter) => userFilterFields(f).length > 0;
