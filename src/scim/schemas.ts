// The schemas Portcullis serves (RFC 7643 §4, §7, §8.7.1), its resource types
// (§6) and its service provider configuration (§5): what a SCIM client reads
// to learn what it may send.
export const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PORTCULLIS_USER = 'urn:portcullis:params:scim:schemas:extension:2.0:User';
export const PORTCULLIS_GROUP = 'urn:portcullis:params:scim:schemas:extension:2.0:Group';
export const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';
const RESOURCE_TYPE = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SPC = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';

/** The most resources one list answer holds (ServiceProviderConfig filter.maxResults). */
export const MAX_RESULTS = 1000;

export interface AttributeDef {
  name: string;
  type: 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex';
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDef[];
}

const a = (
  name: string,
  type: AttributeDef['type'],
  description: string,
  extra: Partial<AttributeDef> = {},
): AttributeDef => ({
  name,
  type,
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

const multi = (
  name: string,
  description: string,
  subs: AttributeDef[],
  extra: Partial<AttributeDef> = {},
) => a(name, 'complex', description, { multiValued: true, subAttributes: subs, ...extra });

const typed = (kinds: string[]) => [
  a('value', 'string', 'The value.'),
  a('display', 'string', 'A name for display.'),
  a('type', 'string', 'What kind of value it is.', { canonicalValues: kinds }),
  a('primary', 'boolean', 'The primary value.'),
];

const userAttributes: AttributeDef[] = [
  a('userName', 'string', "The user's sign-in name: their UPN (name@domain).", {
    required: true,
    uniqueness: 'server',
  }),
  a('name', 'complex', "The parts of the user's name.", {
    subAttributes: [
      a('formatted', 'string', 'The full name.'),
      a('familyName', 'string', 'Family name.'),
      a('givenName', 'string', 'Given name.'),
      a('middleName', 'string', 'Middle name.'),
      a('honorificPrefix', 'string', 'e.g. Ms.'),
      a('honorificSuffix', 'string', 'e.g. III'),
    ],
  }),
  a('displayName', 'string', 'The name shown for the user.'),
  a('nickName', 'string', 'A casual name.'),
  a('profileUrl', 'reference', "The user's online profile.", { referenceTypes: ['external'] }),
  a('title', 'string', 'Job title.'),
  a('userType', 'string', 'The kind of user, e.g. Employee.'),
  a('preferredLanguage', 'string', 'The language of pages, texts and calls (e.g. en, fr-CA).'),
  a('locale', 'string', 'Locale for formatting.'),
  a('timezone', 'string', 'Time zone (IANA).'),
  a('active', 'boolean', 'false blocks sign-in.'),
  a('password', 'string', 'Sets a password (never returned).', {
    mutability: 'writeOnly',
    returned: 'never',
  }),
  multi(
    'emails',
    'Email addresses; Portcullis keeps one (type work, else the primary, else the first).',
    typed(['work', 'home', 'other']),
  ),
  multi(
    'phoneNumbers',
    'Phone numbers; Portcullis keeps the mobile number (type mobile, else the primary, else the first), offered at registration.',
    typed(['mobile', 'work', 'home', 'other']),
  ),
  multi('addresses', 'Postal addresses.', [
    a('formatted', 'string', 'The full address.'),
    a('streetAddress', 'string', 'Street.'),
    a('locality', 'string', 'City.'),
    a('region', 'string', 'State or region.'),
    a('postalCode', 'string', 'Postal code.'),
    a('country', 'string', 'Country (ISO 3166-1 alpha-2).'),
    a('type', 'string', 'work, home or other.', { canonicalValues: ['work', 'home', 'other'] }),
    a('primary', 'boolean', 'The primary address.'),
  ]),
  multi(
    'groups',
    'The groups the user is in (change them through Groups).',
    [
      a('value', 'string', 'The group id.', { mutability: 'readOnly' }),
      a('$ref', 'reference', 'The group.', { mutability: 'readOnly', referenceTypes: ['Group'] }),
      a('display', 'string', 'The group name.', { mutability: 'readOnly' }),
      a('type', 'string', 'direct', { mutability: 'readOnly' }),
    ],
    { mutability: 'readOnly' },
  ),
];

const enterpriseAttributes: AttributeDef[] = [
  a('employeeNumber', 'string', 'Employee number.'),
  a('costCenter', 'string', 'Cost centre.'),
  a('organization', 'string', 'Organisation.'),
  a('division', 'string', 'Division.'),
  a('department', 'string', 'Department.'),
  a('manager', 'complex', "The user's manager.", {
    subAttributes: [
      a('value', 'string', "The manager's id."),
      a('$ref', 'reference', 'The manager.', { referenceTypes: ['User'] }),
      a('displayName', 'string', "The manager's name.", { mutability: 'readOnly' }),
    ],
  }),
];

const portcullisUserAttributes: AttributeDef[] = [
  a(
    'mfaState',
    'string',
    'Per-user MFA: Disabled, Enabled (registration at next sign-in) or Enforced.',
    {
      canonicalValues: ['Disabled', 'Enabled', 'Enforced'],
    },
  ),
  a('isAdmin', 'boolean', 'An administrator of Portcullis (given in Portcullis only).', {
    mutability: 'readOnly',
  }),
  a('source', 'string', 'local, or directory (then the directory owns name, email and mobile).', {
    mutability: 'readOnly',
  }),
];

const groupAttributes: AttributeDef[] = [
  a('displayName', 'string', 'The group name (unique).', { required: true, uniqueness: 'server' }),
  multi('members', 'The users in the group.', [
    a('value', 'string', "The member's id.", { mutability: 'immutable' }),
    a('$ref', 'reference', 'The member.', { mutability: 'immutable', referenceTypes: ['User'] }),
    a('display', 'string', "The member's user name.", { mutability: 'readOnly' }),
    a('type', 'string', 'User', { mutability: 'immutable', canonicalValues: ['User'] }),
  ]),
];

const portcullisGroupAttributes: AttributeDef[] = [
  a('description', 'string', 'What the group is for.'),
  a(
    'adminRole',
    'boolean',
    'Members are administrators of Portcullis (given in Portcullis only).',
    {
      mutability: 'readOnly',
    },
  ),
  a('source', 'string', 'local, scim or directory.', { mutability: 'readOnly' }),
];

/** Core and extension attributes by schema URI (a filter, a path, a projection reads these). */
export const attributesOf: Record<string, AttributeDef[]> = {
  [USER]: userAttributes,
  [ENTERPRISE]: enterpriseAttributes,
  [PORTCULLIS_USER]: portcullisUserAttributes,
  [GROUP]: groupAttributes,
  [PORTCULLIS_GROUP]: portcullisGroupAttributes,
};

const schemaDoc = (id: string, name: string, description: string, base: string) => ({
  schemas: [SCHEMA],
  id,
  name,
  description,
  attributes: attributesOf[id],
  meta: { resourceType: 'Schema', location: `${base}/Schemas/${id}` },
});

export function schemaDocuments(base: string) {
  return [
    schemaDoc(USER, 'User', 'User Account', base),
    schemaDoc(GROUP, 'Group', 'Group', base),
    schemaDoc(ENTERPRISE, 'EnterpriseUser', 'Enterprise User', base),
    schemaDoc(PORTCULLIS_USER, 'PortcullisUser', 'Portcullis: MFA state and role', base),
    schemaDoc(PORTCULLIS_GROUP, 'PortcullisGroup', 'Portcullis: description and role', base),
  ];
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: [RESOURCE_TYPE],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account',
      schema: USER,
      schemaExtensions: [
        { schema: ENTERPRISE, required: false },
        { schema: PORTCULLIS_USER, required: false },
      ],
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Group',
      schema: GROUP,
      schemaExtensions: [{ schema: PORTCULLIS_GROUP, required: false }],
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
    },
  ];
}

export function serviceProviderConfig(base: string, documentationUri: string) {
  return {
    schemas: [SPC],
    documentationUri,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: true },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description:
          'A Portcullis API token with the scope "scim" (portcullis token create --scope scim).',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}
