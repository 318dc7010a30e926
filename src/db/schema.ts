import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Times are milliseconds since the epoch (bigint in
 * PostgreSQL, integer in SQLite); booleans are 0/1 integers on both.
 */
export interface Database {
  users: UsersTable;
  auth_methods: AuthMethodsTable;
  totp_used_steps: TotpUsedStepsTable;
  sessions: SessionsTable;
  signin_flows: SigninFlowsTable;
  signin_log: SigninLogTable;
  throttles: ThrottlesTable;
  api_tokens: ApiTokensTable;
  settings: SettingsTable;
}

export type MfaState = 'Disabled' | 'Enabled' | 'Enforced';

export interface UsersTable {
  id: string;
  upn: string;
  upn_normalized: string;
  display_name: string;
  preferred_language: string;
  is_admin: number;
  mfa_state: MfaState;
  password_hash: string;
  blocked: number;
  created_at: number;
  updated_at: number;
  last_signin_at: number | null;
}

export interface AuthMethodsTable {
  id: string;
  user_id: string;
  method_type: string;
  is_default: number;
  /** Method-owned secret data, sealed with the secrets-at-rest key. */
  secret_sealed: string | null;
  /** Method-owned non-secret data (JSON), e.g. a masked phone number. */
  details: string;
  created_at: number;
  last_used_at: number | null;
}

export interface TotpUsedStepsTable {
  user_id: string;
  step: number;
  used_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id_hash: string;
  csrf_token: string;
  user_id: string | null;
  flow_id: string | null;
  /** JSON array of RFC 8176 amr values, once signed in. */
  amr: string | null;
  auth_time: number | null;
  created_at: number;
  expires_at: number;
}

export interface SigninFlowsTable {
  id: string;
  user_id: string;
  /** JSON array of completed factors: [{ method, amr, factor, at }]. */
  factors: string;
  failed_codes: number;
  /** Sealed JSON state of a step in progress (e.g. an enrolment's new secret). */
  pending_sealed: string | null;
  return_to: string | null;
  client_ip: string | null;
  user_agent: string | null;
  created_at: number;
  expires_at: number;
  ended_at: number | null;
}

export interface SigninLogTable {
  id: string;
  at: number;
  upn: string;
  user_id: string | null;
  result: 'success' | 'failure' | 'interrupted';
  reason: string;
  method: string | null;
  client_ip: string | null;
  user_agent: string | null;
  application: string | null;
}

export interface ThrottlesTable {
  key: string;
  failures: number;
  last_failure_at: number;
  blocked_until: number;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  secret_hash: string;
  created_at: number;
  last_used_at: number | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: number;
}

export type Seq = Generated<number>;
