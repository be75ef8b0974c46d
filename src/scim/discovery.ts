import { ENTERPRISE_SCHEMA, LIST_SCHEMA, MAX_RESULTS, SCIM_PREFIX, USER_SCHEMA } from './constants.js';

/**
 * What a SCIM client learns about this service provider (RFC 7644 §4): the features it supports, the User
 * resource type and the attributes the register keeps. Described from the mapping in resource.ts; attributes the
 * register does not keep are not listed, so a client does not expect them back.
 */

const attr = (name: string, description: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'string',
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

const multi = (name: string, description: string) =>
  attr(name, description, {
    type: 'complex',
    multiValued: true,
    subAttributes: [attr('value', 'De waarde.'), attr('type', 'Alleen "work" wordt gebruikt.', { canonicalValues: ['work'] }), attr('primary', 'Het voorkeurselement.', { type: 'boolean' })],
  });

const userSchema = {
  id: USER_SCHEMA,
  name: 'User',
  description: 'Een persoon in het Maatwerkregister (een vermelding van soort persoon).',
  attributes: [
    attr('userName', 'Unieke naam binnen de organisatie; zonder werk-e-mail in emails ook het werk-e-mailadres.', { required: true, uniqueness: 'server' }),
    attr('name', 'Naam; formatted, of givenName + familyName.', {
      type: 'complex',
      subAttributes: [attr('formatted', 'Volledige naam.'), attr('givenName', 'Voornaam.'), attr('middleName', 'Tussenvoegsel.'), attr('familyName', 'Achternaam.')],
    }),
    attr('displayName', 'Naam zoals het register haar toont (gaat voor name).'),
    attr('title', 'Functie.'),
    attr('active', 'Onwaar: de vermelding is niet meer vindbaar en de rollen van de persoon zijn ingetrokken.', { type: 'boolean' }),
    multi('emails', 'Het werk-e-mailadres (type work); de sleutel waarmee de persoon de vermelding claimt.'),
    multi('phoneNumbers', 'Het werktelefoonnummer (type work).'),
    attr('externalId', 'De id van de persoon bij de aanbieder (bijvoorbeeld het objectId in Entra ID).', { caseExact: true }),
  ],
  meta: { resourceType: 'Schema', location: `${SCIM_PREFIX}/Schemas/${USER_SCHEMA}` },
};

const enterpriseSchema = {
  id: ENTERPRISE_SCHEMA,
  name: 'EnterpriseUser',
  description: 'Organisatiegegevens van een persoon.',
  attributes: [attr('department', 'Afdeling.')],
  meta: { resourceType: 'Schema', location: `${SCIM_PREFIX}/Schemas/${ENTERPRISE_SCHEMA}` },
};

export const schemas = [userSchema, enterpriseSchema].map((schema) => ({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'], ...schema }));

export const resourceTypes = [
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'Personen van de organisatie van het SCIM-token.',
    schema: USER_SCHEMA,
    schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
    meta: { resourceType: 'ResourceType', location: `${SCIM_PREFIX}/ResourceTypes/User` },
  },
];

export const serviceProviderConfig = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
  documentationUri: 'https://github.com/maatwerkregister/maatwerkregister#provisioning-by-scim',
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: MAX_RESULTS },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: true },
  authenticationSchemes: [
    { type: 'oauthbearertoken', name: 'Bearer token', description: 'Een SCIM-token van npm run scim -- token --organisatie CODE.', primary: true },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: `${SCIM_PREFIX}/ServiceProviderConfig` },
};

export const listOf = (resources: unknown[]) => ({ schemas: [LIST_SCHEMA], totalResults: resources.length, startIndex: 1, itemsPerPage: resources.length, Resources: resources });
