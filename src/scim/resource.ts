import { z } from 'zod';
import { professionalPatchSchema, telefoon, werkEmail } from '../professionals/schemas.js';
import type { ProvisionedEntry, ProvisionedFields } from '../professionals/provisioning.js';
import { ENTERPRISE_SCHEMA, SCIM_PREFIX, USER_SCHEMA } from './constants.js';
import { invalidValue } from './errors.js';
import { scimBoolean } from './schemas.js';

/**
 * The mapping between an entry and a SCIM User (README, "Provisioning by SCIM"): userName, emails[type=work] → the
 * work e-mail (the key the person claims the entry by), displayName or name → naam, title → functie, the enterprise
 * extension's department → afdeling, phoneNumbers[type=work] → telefoon, active → status, externalId as given.
 * Nothing else of the entry is shown to, or taken from, a provisioning client.
 */

/** Work functions start here when a client sends no title; the person or coordinator corrects it. */
export const DEFAULT_FUNCTIE = 'Medewerker';

export type ScimUser = Record<string, unknown>;

export const versionTag = (versie: number) => `W/"${versie}"`;

export function toScimUser(entry: ProvisionedEntry, baseUrl: string): ScimUser {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
    id: entry.id,
    ...(entry.externId !== null ? { externalId: entry.externId } : {}),
    userName: entry.gebruikersnaam,
    name: { formatted: entry.naam },
    displayName: entry.naam,
    title: entry.functie,
    active: entry.actief,
    emails: [{ value: entry.email, type: 'work', primary: true }],
    ...(entry.telefoon !== null ? { phoneNumbers: [{ value: entry.telefoon, type: 'work', primary: true }] } : {}),
    ...(entry.afdeling !== null ? { [ENTERPRISE_SCHEMA]: { department: entry.afdeling } } : {}),
    meta: {
      resourceType: 'User',
      created: entry.aangemaaktOp.toISOString(),
      lastModified: entry.gewijzigdOp.toISOString(),
      version: versionTag(entry.versie),
      location: `${baseUrl}${SCIM_PREFIX}/Users/${entry.id}`,
    },
  };
}

/** SCIM attribute names are case-insensitive (RFC 7643 §2.1). */
export function attribute(object: unknown, name: string): unknown {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return undefined;
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (object as Record<string, unknown>)[key];
}

const text = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidValue(`${name} moet tekst zijn.`);
  return value.trim() === '' ? undefined : value;
};

/** The value of the multi-valued attribute's work element: type "work", else the primary one, else an untyped one. */
function workValue(resource: ScimUser, name: string): string | undefined {
  const values = attribute(resource, name);
  if (values === undefined || values === null) return undefined;
  if (!Array.isArray(values)) throw invalidValue(`${name} moet een lijst zijn.`);
  const typeOf = (v: unknown) => {
    const type = attribute(v, 'type');
    return typeof type === 'string' ? type.toLowerCase() : '';
  };
  const list = values as unknown[];
  const element = list.find((v) => typeOf(v) === 'work') ?? list.find((v) => attribute(v, 'primary') === true) ?? list.find((v) => typeOf(v) === '');
  return text(attribute(element, 'value'), `${name}[type eq "work"].value`);
}

function check<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidValue(`${name}: ${parsed.error.issues.map((i) => i.message).join(' ')}`);
  return parsed.data;
}

const naamSchema = professionalPatchSchema.shape.naam.unwrap();
const functieSchema = professionalPatchSchema.shape.functie.unwrap();
const afdelingSchema = professionalPatchSchema.shape.afdeling.unwrap().unwrap();
const externIdSchema = z.string().trim().min(1).max(200, 'Hoogstens 200 tekens.');
const userNameSchema = z.string().trim().min(1, 'userName ontbreekt.').max(254, 'Hoogstens 254 tekens.');

/**
 * The provisioned fields a full User resource (POST, PUT, or the result of a PATCH) describes. Absent optional
 * attributes clear their field (afdeling, telefoon, externalId), except `title`, which keeps the function the entry
 * has (a function is required), and `active`, which keeps the current state.
 */
export function fieldsOf(resource: ScimUser): Omit<ProvisionedFields, 'functie' | 'actief'> & { functie?: string; actief?: boolean } {
  const userName = check(userNameSchema, attribute(resource, 'userName') ?? '', 'userName');
  const workEmail = workValue(resource, 'emails');
  const email = workEmail !== undefined ? check(werkEmail, workEmail, 'emails[type eq "work"].value') : check(werkEmail, userName, 'userName');
  const name = attribute(resource, 'name');
  const composed = [attribute(name, 'givenName'), attribute(name, 'middleName'), attribute(name, 'familyName')]
    .map((part, i) => text(part, ['name.givenName', 'name.middleName', 'name.familyName'][i]!))
    .filter(Boolean)
    .join(' ');
  const naamValue = text(attribute(resource, 'displayName'), 'displayName') ?? text(attribute(name, 'formatted'), 'name.formatted') ?? (composed || undefined);
  if (naamValue === undefined) throw invalidValue('displayName: geef displayName of name op; de naam ontbreekt.');
  const naam = check(naamSchema, naamValue, 'displayName');
  const title = text(attribute(resource, 'title'), 'title');
  const department = text(attribute(attribute(resource, ENTERPRISE_SCHEMA), 'department'), `${ENTERPRISE_SCHEMA}:department`);
  const phone = workValue(resource, 'phoneNumbers');
  const externalId = text(attribute(resource, 'externalId'), 'externalId');
  const active = attribute(resource, 'active');
  return {
    gebruikersnaam: userName,
    email,
    naam,
    ...(title !== undefined ? { functie: check(functieSchema, title, 'title') } : {}),
    afdeling: department === undefined ? null : check(afdelingSchema, department, `${ENTERPRISE_SCHEMA}:department`),
    telefoon: phone === undefined ? null : check(telefoon, phone, 'phoneNumbers[type eq "work"].value'),
    externId: externalId === undefined ? null : check(externIdSchema, externalId, 'externalId'),
    ...(active !== undefined && active !== null ? { actief: check(scimBoolean, active, 'active') } : {}),
  };
}
