// SCIM's own error form (RFC 7644 §3.12): what an AppError becomes on /scim/v2.
import { type AppError, type ErrorCode, isAppError } from '../errors.ts';

export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** RFC 7644 §3.12, Table 9. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** An error in a SCIM request: the status, SCIM's keyword for it, and what was wrong. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | undefined,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const TYPES: Partial<Record<ErrorCode, ScimType>> = {
  upn_taken: 'uniqueness',
  group_name_taken: 'uniqueness',
  invalid_request: 'invalidValue',
  invalid_upn: 'invalidValue',
  invalid_mfa_state: 'invalidValue',
  weak_password: 'invalidValue',
  managed_by_directory: 'mutability',
};

/** The body and status for anything thrown while answering a SCIM request. */
export function scimErrorOf(e: ScimError | AppError): {
  status: number;
  body: Record<string, unknown>;
} {
  if (isAppError(e)) {
    const scimType = TYPES[e.code];
    // A field the directory owns is SCIM's mutability error, a 400 (RFC 7644 §3.12).
    const status = e.code === 'managed_by_directory' ? 400 : e.status;
    return {
      status,
      body: {
        schemas: [ERROR_SCHEMA],
        status: String(status),
        ...(scimType ? { scimType } : {}),
        detail: e.publicMessage,
      },
    };
  }
  return {
    status: e.status,
    body: {
      schemas: [ERROR_SCHEMA],
      status: String(e.status),
      ...(e.scimType ? { scimType: e.scimType } : {}),
      detail: e.detail,
    },
  };
}
