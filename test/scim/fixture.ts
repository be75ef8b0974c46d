import { createToken } from '../../src/scim/tokens.js';
import { buildTestApp } from '../helpers/app.js';

interface TapLike {
  teardown(fn: () => unknown): void;
}

export const SCIM_JSON = 'application/scim+json';

/** A minimal User as Microsoft Entra ID sends it on creation. */
export function entraUser(overrides: Record<string, unknown> = {}) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
    externalId: 'b7c1e0f2-0000-4000-8000-000000000001',
    userName: 'eva.deboer@amsterdam.nl',
    active: true,
    displayName: 'Eva de Boer',
    title: 'Schuldhulpverlener',
    emails: [{ primary: true, type: 'work', value: 'eva.deboer@amsterdam.nl' }],
    phoneNumbers: [{ type: 'work', value: '020 123 4567' }],
    name: { givenName: 'Eva', familyName: 'de Boer' },
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Schuldhulp' },
    ...overrides,
  };
}

/** The app on its own database, with a SCIM token for Amsterdam (gm0363) and one for Rotterdam (gm0599). */
export async function scimFixture(t: TapLike) {
  const testApp = await buildTestApp(t);
  const cli = { actor: null, herkomst: 'test' };
  const amsterdam = await createToken(testApp.database.db, 'gm0363', 'Entra ID Amsterdam', cli);
  const rotterdam = await createToken(testApp.database.db, 'gm0599', 'HR Rotterdam', cli);
  const scim = (token: string) => (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    testApp.app.inject({
      method,
      url: `/scim/v2${url}`,
      headers: { authorization: `Bearer ${token}`, ...(payload !== undefined ? { 'content-type': SCIM_JSON } : {}), ...headers },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
  /** What a colleague elsewhere (The Hague) finds, through the search service behind the API. */
  const colleague = await testApp.auth({ sub: 'zoeker', organisatie: 'gm0518', email: 'zoeker@denhaag.nl' });
  const search = async (zoekterm: string) => {
    const response = await testApp.app.inject({ url: `/api/v1/professionals?zoekterm=${encodeURIComponent(zoekterm)}`, headers: colleague });
    return response.json().resultaten as { id: string; naam: string; functie: string; afdeling: string | null }[];
  };
  return { testApp, amsterdam, rotterdam, asAmsterdam: scim(amsterdam.token), asRotterdam: scim(rotterdam.token), scim, search };
}
