// The one ordered list of schema migrations, shared by SQLite and PostgreSQL.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_core.ts';
import * as m0002 from './0002_phone.ts';
import * as m0003 from './0003_token_rights.ts';
import * as m0004 from './0004_app_passwords.ts';
import * as m0005 from './0005_admin.ts';
import * as m0006 from './0006_user_search.ts';
import * as m0007 from './0007_oidc.ts';
import * as m0008 from './0008_step_up.ts';
import * as m0009 from './0009_security_info.ts';
import * as m0010 from './0010_recovery_codes.ts';
import * as m0011 from './0011_passkeys.ts';
import * as m0012 from './0012_authenticator.ts';
import * as m0013 from './0013_push_subscriptions.ts';
import * as m0014 from './0014_limits.ts';
import * as m0015 from './0015_releases.ts';
import * as m0016 from './0016_directory.ts';
import * as m0017 from './0017_provisioning.ts';
import * as m0018 from './0018_first_day.ts';
import * as m0019 from './0019_radius_mfa.ts';
import * as m0020 from './0020_ldap_service_accounts.ts';
import * as m0021 from './0021_id_token_alg.ts';
import * as m0022 from './0022_cache_epoch.ts';
import * as m0023 from './0023_signin_log_recent.ts';
import * as m0024 from './0024_passkey_aaguid.ts';
import * as m0025 from './0025_temporary_access_passes.ts';
import * as m0026 from './0026_system_preferred_mfa.ts';
import * as m0027 from './0027_authentication_strength.ts';
import * as m0028 from './0028_registration_campaign.ts';
import * as m0029 from './0029_user_risk.ts';
import * as m0030 from './0030_tap_start.ts';
import * as m0031 from './0031_device_polls.ts';
import * as m0032 from './0032_backchannel_logout.ts';
import * as m0033 from './0033_saml.ts';

const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_phone': m0002,
  '0003_token_rights': m0003,
  '0004_app_passwords': m0004,
  '0005_admin': m0005,
  '0006_user_search': m0006,
  '0007_oidc': m0007,
  '0008_step_up': m0008,
  '0009_security_info': m0009,
  '0010_recovery_codes': m0010,
  '0011_passkeys': m0011,
  '0012_authenticator': m0012,
  '0013_push_subscriptions': m0013,
  '0014_limits': m0014,
  '0015_releases': m0015,
  '0016_directory': m0016,
  '0017_provisioning': m0017,
  '0018_first_day': m0018,
  '0019_radius_mfa': m0019,
  '0020_ldap_service_accounts': m0020,
  '0021_id_token_alg': m0021,
  '0022_cache_epoch': m0022,
  '0023_signin_log_recent': m0023,
  '0024_passkey_aaguid': m0024,
  '0025_temporary_access_passes': m0025,
  '0026_system_preferred_mfa': m0026,
  '0027_authentication_strength': m0027,
  '0028_registration_campaign': m0028,
  '0029_user_risk': m0029,
  '0030_tap_start': m0030,
  '0031_device_polls': m0031,
  '0032_backchannel_logout': m0032,
  '0033_saml': m0033,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
