import { createProvisioned, deleteProvisioned, getProvisioned, listProvisioned, updateProvisioned } from '../professionals/provisioning.js';
import type { ServiceContext } from '../service-context.js';
import { LIST_SCHEMA, MAX_RESULTS } from './constants.js';
import { parseFilter } from './filter.js';
import { applyPatch } from './patch.js';
import { DEFAULT_FUNCTIE, fieldsOf, toScimUser, type ScimUser } from './resource.js';
import type { PatchOperation } from './schemas.js';

/**
 * The SCIM User operations of one client. The client's organisation is the whole of its authority: every call is
 * scoped to it (professionals/provisioning.ts), so an entry of another organisation answers 404, never 403.
 */
export interface ScimContext {
  service: ServiceContext;
  organisatie: string;
  /** The public base URL, for `meta.location`. */
  baseUrl: string;
}

export async function listUsers(context: ScimContext, query: { filter?: string | undefined; startIndex: number; count?: number | undefined }) {
  const filter = parseFilter(query.filter);
  const count = Math.min(MAX_RESULTS, Math.max(0, query.count ?? MAX_RESULTS));
  const { totaal, entries } = await listProvisioned(context.service, context.organisatie, filter, query.startIndex - 1, count);
  return {
    schemas: [LIST_SCHEMA],
    totalResults: totaal,
    startIndex: query.startIndex,
    itemsPerPage: entries.length,
    Resources: entries.map((entry) => toScimUser(entry, context.baseUrl)),
  };
}

export async function getUser(context: ScimContext, id: string) {
  return toScimUser(await getProvisioned(context.service, context.organisatie, id), context.baseUrl);
}

export async function createUser(context: ScimContext, body: ScimUser) {
  const { functie, actief, ...fields } = fieldsOf(body);
  const entry = await createProvisioned(context.service, context.organisatie, { ...fields, functie: functie ?? DEFAULT_FUNCTIE, actief: actief ?? true });
  return toScimUser(entry, context.baseUrl);
}

/** PUT replaces what the client owns; what the person wrote is not the client's to replace (provisioning.ts). */
export async function replaceUser(context: ScimContext, id: string, expectedVersion: number | undefined, body: ScimUser) {
  const entry = await updateProvisioned(context.service, context.organisatie, id, expectedVersion, fieldsOf(body));
  return toScimUser(entry, context.baseUrl);
}

/** PATCH is applied to the User as shown, then the result is stored as a PUT would store it. */
export async function patchUser(context: ScimContext, id: string, expectedVersion: number | undefined, operations: PatchOperation[]) {
  const current = await getProvisioned(context.service, context.organisatie, id);
  const patched = applyPatch(toScimUser(current, context.baseUrl), operations);
  // The register keeps one name. A client that changes only the name's parts (HR systems often do) means the new
  // parts, not the old displayName the User still shows.
  if (changesNameParts(operations)) {
    delete patched.displayName;
    const name = patched.name as Record<string, unknown> | undefined;
    if (name && typeof name === 'object') delete name.formatted;
  }
  const entry = await updateProvisioned(context.service, context.organisatie, id, expectedVersion ?? current.versie, fieldsOf(patched));
  return toScimUser(entry, context.baseUrl);
}

const NAME_PART = /^name\.(givenname|middlename|familyname)$/;

/** Whether the operations set given, middle or family name without setting displayName or name.formatted. */
function changesNameParts(operations: PatchOperation[]): boolean {
  const paths = operations.flatMap((op) => {
    if (op.path !== undefined) {
      const path = op.path.toLowerCase();
      const value = op.value && typeof op.value === 'object' ? Object.keys(op.value).map((k) => `${path}.${k.toLowerCase()}`) : [];
      return [path, ...value];
    }
    return Object.entries(op.value && typeof op.value === 'object' ? op.value : {}).flatMap(([key, value]) => [
      key.toLowerCase(),
      ...(value && typeof value === 'object' ? Object.keys(value as object).map((k) => `${key.toLowerCase()}.${k.toLowerCase()}`) : []),
    ]);
  });
  return paths.some((p) => NAME_PART.test(p)) && !paths.some((p) => p === 'displayname' || p === 'name.formatted');
}

export async function deleteUser(context: ScimContext, id: string, expectedVersion: number | undefined) {
  await deleteProvisioned(context.service, context.organisatie, id, expectedVersion);
}
