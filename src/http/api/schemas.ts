import { z } from '@hono/zod-openapi';

export const MfaStateSchema = z.enum(['Disabled', 'Enabled', 'Enforced']).openapi('MfaState');

export const MethodSchema = z
  .object({
    id: z.string(),
    methodType: z.string().openapi({ example: 'PhoneAppOTP' }),
    isDefault: z.boolean(),
    phoneNumber: z.string().optional().openapi({
      description: 'Phone methods: the number, masked but for its last two digits.',
    }),
    name: z.string().optional().openapi({ description: 'Passkeys: the name the user gave it.' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('Method');

export const UserSchema = z
  .object({
    id: z.string(),
    userPrincipalName: z.string().openapi({ example: 'alice@contoso.com' }),
    displayName: z.string(),
    preferredLanguage: z.string().nullable().openapi({
      example: 'en',
      description: "The language the user chose; null: their browser's.",
    }),
    isAdmin: z.boolean(),
    blockCredential: z.boolean(),
    mfaState: MfaStateSchema,
    strongAuthenticationRequirements: z.array(
      z.object({ relyingParty: z.string(), state: MfaStateSchema }),
    ),
    strongAuthenticationMethods: z.array(MethodSchema),
    createdAt: z.string(),
    lastSignInAt: z.string().nullable(),
    fraudReportedAt: z.string().nullable(),
    riskLevel: z.enum(['none', 'high']).openapi({
      description:
        'High after the user reported suspicious activity, until remediated or dismissed',
    }),
    riskState: z.enum(['none', 'atRisk', 'remediated', 'dismissed']),
    riskDetail: z
      .enum([
        'userReportedSuspiciousActivity',
        'userPerformedSecuredPasswordChange',
        'adminDismissedAllRiskForUser',
      ])
      .nullable(),
    riskLastUpdatedDateTime: z.string().nullable(),
    mustChangePassword: z.boolean(),
    source: z.enum(['local', 'directory']).openapi({
      description: 'Where the user and their password come from',
    }),
    directoryDn: z.string().nullable(),
    blockedByDirectory: z.boolean().openapi({
      description: 'Blocked because the directory disabled or no longer has the account',
    }),
    email: z.string().nullable(),
    mobilePhone: z.string().nullable().openapi({
      description:
        'Masked but for its last two digits, unless the token has the personal-data right',
    }),
    externalId: z.string().nullable().openapi({
      description: "A provisioning system's id for the user (SCIM externalId)",
    }),
    hasPassword: z
      .boolean()
      .openapi({ description: 'False until an invited user sets a password' }),
  })
  .openapi('User');

export const UserPageSchema = z
  .object({ items: z.array(UserSchema), nextCursor: z.string().nullable() })
  .openapi('UserPage');

export const NewUserSchema = z
  .object({
    userPrincipalName: z.string().max(256),
    password: z.string().max(1024).optional().openapi({
      description:
        'Give a password, or `invite` (the user chooses one from the email), or neither (no sign-in until one is set)',
    }),
    displayName: z.string().max(256).optional(),
    isAdmin: z.boolean().optional(),
    preferredLanguage: z.string().max(35).optional(),
    mfaState: MfaStateSchema.optional(),
    email: z.string().max(254).optional(),
    mobilePhone: z.string().max(40).optional(),
    invite: z.boolean().optional().openapi({ description: 'Send an invitation to `email`' }),
  })
  .strict()
  .openapi('NewUser');

export const UserPatchSchema = z
  .object({
    userPrincipalName: z.string().max(256).optional().openapi({ description: 'Rename the user' }),
    email: z.string().max(254).nullable().optional().openapi({ description: 'null removes it' }),
    mobilePhone: z
      .string()
      .max(40)
      .nullable()
      .optional()
      .openapi({ description: 'null removes it' }),
    displayName: z.string().max(256).optional(),
    preferredLanguage: z.string().max(35).optional(),
    isAdmin: z.boolean().optional(),
    mfaState: MfaStateSchema.optional(),
    strongAuthenticationRequirements: z
      .array(z.object({ relyingParty: z.literal('*').default('*'), state: MfaStateSchema }))
      .max(1)
      .optional()
      .openapi({ description: 'As in MSOnline; an empty list disables MFA. Or use mfaState.' }),
    blockCredential: z
      .boolean()
      .optional()
      .openapi({ description: 'Block or unblock sign-in (e.g. after a fraud report).' }),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Give at least one field to change.' })
  .openapi('UserPatch');

export const BulkRowSchema = z
  .object({
    line: z.number(),
    userPrincipalName: z.string(),
    state: MfaStateSchema.nullable(),
    currentState: MfaStateSchema.nullable(),
    status: z.enum(['change', 'unchanged', 'error']),
    error: z.string().optional(),
  })
  .openapi('BulkRow');

export const BulkResultSchema = z
  .object({
    rows: z.array(BulkRowSchema),
    changed: z.number(),
    unchanged: z.number(),
    errors: z.number(),
    applied: z.boolean(),
  })
  .openapi('BulkResult');

export const UserActionResultsSchema = z
  .object({
    results: z.array(z.object({ userPrincipalName: z.string(), removed: z.number() })),
  })
  .openapi('UserActionResults');

export const SigninSchema = z
  .object({
    id: z.string(),
    createdDateTime: z.string(),
    userPrincipalName: z.string(),
    result: z.enum(['success', 'failure', 'interrupted']),
    failureReason: z.string(),
    additionalDetails: z.string(),
    authenticationMethod: z.string().nullable(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    application: z.string().nullable(),
    front: z
      .string()
      .nullable()
      .openapi({ description: 'browser, verify, forward-auth, ldap or radius' }),
  })
  .openapi('SignIn');

export const SigninPageSchema = z
  .object({ items: z.array(SigninSchema), nextCursor: z.string().nullable() })
  .openapi('SignInPage');

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string().optional(),
  })
  .openapi('Problem');

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    ipAddress: z.string().nullable(),
    action: z.string(),
    userPrincipalName: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

export const AuditPageSchema = z
  .object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() })
  .openapi('AuditPage');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

export const problemResponses = {
  400: problem('Invalid request'),
  401: problem('Missing or invalid token or session'),
  403: problem('Not allowed (read-only token, not an administrator, or a missing CSRF token)'),
  404: problem('Not found'),
  409: problem('Conflicts with the current state'),
} as const;
