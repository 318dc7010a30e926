import { z } from '@hono/zod-openapi';

export const MfaStateSchema = z.enum(['Disabled', 'Enabled', 'Enforced']).openapi('MfaState');

export const UserSchema = z
  .object({
    id: z.string(),
    userPrincipalName: z.string().openapi({ example: 'alice@contoso.com' }),
    displayName: z.string(),
    preferredLanguage: z.string().openapi({ example: 'en' }),
    isAdmin: z.boolean(),
    blockCredential: z.boolean(),
    mfaState: MfaStateSchema,
    strongAuthenticationRequirements: z.array(
      z.object({ relyingParty: z.string(), state: MfaStateSchema }),
    ),
    strongAuthenticationMethods: z.array(
      z.object({
        methodType: z.string(),
        isDefault: z.boolean(),
        phoneNumber: z.string().optional().openapi({
          description: 'Phone methods: the number, masked but for its last two digits.',
        }),
      }),
    ),
    createdAt: z.string(),
    lastSignInAt: z.string().nullable(),
    fraudReportedAt: z.string().nullable(),
  })
  .openapi('User');

export const UserPageSchema = z
  .object({ items: z.array(UserSchema), nextCursor: z.string().nullable() })
  .openapi('UserPage');

export const NewUserSchema = z
  .object({
    userPrincipalName: z.string().max(256),
    password: z.string().max(1024),
    displayName: z.string().max(256).optional(),
    isAdmin: z.boolean().optional(),
    preferredLanguage: z.string().max(35).optional(),
    mfaState: MfaStateSchema.optional(),
  })
  .openapi('NewUser');

export const UserPatchSchema = z
  .object({
    strongAuthenticationRequirements: z
      .array(z.object({ relyingParty: z.literal('*').default('*'), state: MfaStateSchema }))
      .max(1)
      .optional()
      .openapi({ description: 'An empty list disables MFA, as in MSOnline.' }),
    blockCredential: z
      .boolean()
      .optional()
      .openapi({ description: 'Block or unblock sign-in (e.g. after a fraud report).' }),
  })
  .refine(
    (p) => p.strongAuthenticationRequirements !== undefined || p.blockCredential !== undefined,
    {
      message: 'Give strongAuthenticationRequirements or blockCredential.',
    },
  )
  .openapi('UserPatch');

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

export const problemResponses = {
  400: {
    description: 'Invalid request',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  401: {
    description: 'Missing or invalid token',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  404: {
    description: 'Not found',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
} as const;
