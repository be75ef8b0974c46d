import { filter as matcher, parse, type Filter } from 'scim2-parse-filter';
import { ENTERPRISE_SCHEMA, USER_SCHEMA } from './constants.js';
import { ScimError } from './errors.js';
import type { PatchOperation } from './schemas.js';
import type { ScimUser } from './resource.js';

/**
 * RFC 7644 §3.5.2 PATCH, applied to the User resource as the register shows it; the result is then read like a PUT
 * body (resource.ts), so PATCH and PUT share every field rule. Paths are `attr`, `attr.sub`, `attr[filter]` and
 * `attr[filter].sub`, optionally behind a schema URN; filters in paths are parsed by scim2-parse-filter. Entra ID's
 * `replace` of `emails[type eq "work"].value` on a user without such an element creates it, as RFC 7644 allows.
 */

const READ_ONLY = new Set(['id', 'meta', 'schemas']);
const PATH = /^([A-Za-z][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z][\w$-]*))?$/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const keyOf = (object: Json, name: string) => Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;

interface Target {
  container: Json;
  attr: string;
  filter?: Filter;
  sub?: string;
}

function targetOf(resource: Json, path: string): Target {
  let container = resource;
  let rest = path;
  if (path.toLowerCase().startsWith('urn:')) {
    const schema = [ENTERPRISE_SCHEMA, USER_SCHEMA].find((urn) => path.toLowerCase().startsWith(`${urn.toLowerCase()}:`));
    if (!schema) throw new ScimError(400, `Onbekend schema in path "${path}".`, 'invalidPath');
    rest = path.slice(schema.length + 1);
    if (schema === ENTERPRISE_SCHEMA) {
      const key = keyOf(resource, ENTERPRISE_SCHEMA);
      if (!isObject(resource[key])) resource[key] = {};
      container = resource[key] as Json;
    }
  }
  const match = PATH.exec(rest);
  if (!match) throw new ScimError(400, `Ongeldig path "${path}".`, 'invalidPath');
  const [, attr, filterText, sub] = match;
  if (container === resource && READ_ONLY.has(attr!.toLowerCase())) throw new ScimError(400, `${attr} kan niet worden gewijzigd.`, 'mutability');
  let filter: Filter | undefined;
  if (filterText !== undefined) {
    try {
      filter = parse(filterText);
    } catch {
      throw new ScimError(400, `Ongeldig filter in path "${path}".`, 'invalidPath');
    }
  }
  return { container, attr: keyOf(container, attr!), ...(filter ? { filter } : {}), ...(sub ? { sub } : {}) };
}

/** An element built from a path filter's equalities (`type eq "work"`), for add/replace on a missing element. */
function elementFrom(filter: Filter): Json {
  if (filter.op === 'eq' && 'attrPath' in filter && 'compValue' in filter) return { [filter.attrPath]: filter.compValue };
  if (filter.op === 'and' && 'filters' in filter) return Object.assign({}, ...filter.filters.map(elementFrom)) as Json;
  throw new ScimError(400, 'Dit filter in een path wijst geen element aan dat kan worden gemaakt.', 'noTarget');
}

function setValue(target: Target, op: 'add' | 'replace', value: unknown) {
  const { container, attr, filter, sub } = target;
  if (!filter) {
    const current = container[attr];
    if (sub) {
      if (!isObject(current)) container[attr] = {};
      const object = container[attr] as Json;
      object[keyOf(object, sub)] = value;
    } else if (op === 'add' && Array.isArray(current)) {
      container[attr] = [...(current as unknown[]), ...(Array.isArray(value) ? (value as unknown[]) : [value])];
    } else if (op === 'add' && isObject(current) && isObject(value)) {
      Object.assign(current, value);
    } else {
      container[attr] = value;
    }
    return;
  }
  const list = Array.isArray(container[attr]) ? (container[attr] as unknown[]) : [];
  const test = matcher(filter);
  const matches = list.filter((element) => isObject(element) && test(element)) as Json[];
  if (matches.length === 0) {
    list.push({ ...elementFrom(filter), ...(sub ? { [sub]: value } : isObject(value) ? value : {}) });
  } else {
    for (const element of matches) {
      if (sub) element[keyOf(element, sub)] = value;
      else if (isObject(value)) Object.assign(element, value);
    }
  }
  container[attr] = list;
}

function removeValue(target: Target, value: unknown) {
  const { container, attr, filter, sub } = target;
  if (!filter) {
    if (sub && isObject(container[attr])) delete (container[attr])[keyOf(container[attr], sub)];
    else if (!sub && Array.isArray(container[attr]) && Array.isArray(value)) {
      // Remove with a value list: drop the elements with those values (Entra ID removes group members this way).
      const drop = new Set(value.map((v) => (isObject(v) ? String(v.value) : String(v))));
      container[attr] = (container[attr] as unknown[]).filter((e) => !(isObject(e) && drop.has(String(e.value))));
    } else if (!sub) delete container[attr];
    return;
  }
  if (!Array.isArray(container[attr])) return;
  const test = matcher(filter);
  const list = container[attr] as unknown[];
  container[attr] = sub
    ? list.map((element) => {
        if (isObject(element) && test(element)) delete element[keyOf(element, sub)];
        return element;
      })
    : list.filter((element) => !(isObject(element) && test(element)));
}

export function applyPatch(resource: ScimUser, operations: PatchOperation[]): ScimUser {
  const result = structuredClone<Json>(resource);
  for (const operation of operations) {
    if (operation.path === undefined) {
      if (operation.op === 'remove') throw new ScimError(400, 'remove heeft een path nodig.', 'noTarget');
      if (!isObject(operation.value)) throw new ScimError(400, `${operation.op} zonder path heeft een object als value nodig.`, 'invalidSyntax');
      for (const [name, value] of Object.entries(operation.value)) {
        if (name.toLowerCase() === ENTERPRISE_SCHEMA.toLowerCase() && isObject(value)) {
          for (const [sub, subValue] of Object.entries(value)) setValue(targetOf(result, `${ENTERPRISE_SCHEMA}:${sub}`), operation.op, subValue);
        } else {
          setValue(targetOf(result, name), operation.op, value);
        }
      }
      continue;
    }
    const target = targetOf(result, operation.path);
    if (operation.op === 'remove') removeValue(target, operation.value);
    else {
      if (operation.value === undefined) throw new ScimError(400, `${operation.op} van ${operation.path} heeft een value nodig.`, 'invalidSyntax');
      setValue(target, operation.op, operation.value);
    }
  }
  return result;
}
