import { parse, type Filter } from 'scim2-parse-filter';
import type { ProvisionedFilter } from '../professionals/provisioning.js';
import { ScimError } from './errors.js';

/**
 * The list filters a provisioning client needs to find a user before creating one (RFC 7644 §3.4.2.2): equality on
 * userName, emails.value (also as `emails[value eq "…"]`), externalId or id, alone or joined by `and`. Parsed by
 * scim2-parse-filter; anything else is refused with `invalidFilter` rather than answered wrongly.
 */

const ATTRIBUTES: Record<string, keyof ProvisionedFilter> = {
  username: 'gebruikersnaam',
  'emails.value': 'email',
  emails: 'email',
  externalid: 'externId',
  id: 'id',
};

const unsupported = (text: string) =>
  new ScimError(400, `Filter "${text}" wordt niet ondersteund; gebruik userName, emails.value, externalId of id met eq (eventueel met and).`, 'invalidFilter');

function collect(node: Filter, into: ProvisionedFilter, text: string): void {
  if (node.op === 'and') {
    for (const part of node.filters) collect(part, into, text);
    return;
  }
  if (node.op === '[]' && node.attrPath.toLowerCase() === 'emails' && node.valFilter.op === 'eq' && node.valFilter.attrPath.toLowerCase() === 'value') {
    collect({ ...node.valFilter, attrPath: 'emails.value' }, into, text);
    return;
  }
  if (node.op !== 'eq' || typeof node.compValue !== 'string') throw unsupported(text);
  const key = ATTRIBUTES[node.attrPath.toLowerCase().replace(/^urn:ietf:params:scim:schemas:core:2\.0:user:/, '')];
  if (!key) throw unsupported(text);
  // Two different values for one attribute can match nothing; keep the contradiction rather than pick one.
  if (into[key] !== undefined && into[key] !== node.compValue) into.id = '00000000-0000-0000-0000-000000000000#none';
  else into[key] = node.compValue;
}

export function parseFilter(text: string | undefined): ProvisionedFilter {
  if (text === undefined || text.trim() === '') return {};
  let node: Filter;
  try {
    node = parse(text);
  } catch {
    throw new ScimError(400, `Filter "${text}" is ongeldig (RFC 7644 §3.4.2.2).`, 'invalidFilter');
  }
  const filter: ProvisionedFilter = {};
  collect(node, filter, text);
  return filter;
}
