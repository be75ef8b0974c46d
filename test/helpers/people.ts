import { DEV_ISSUER } from '../../src/auth/dev-issuer.js';
import { grantRole } from '../../src/roltoewijzingen/service.js';
import type { TestApp } from './app.js';

/** The cast of the register's tests: one person per role, each with a development-issuer token. */
export const people = {
  collega: { sub: 'collega', organisatie: 'gm0363', naam: 'Cor Collega', email: 'cor.collega@amsterdam.nl' },
  coordinatorAmsterdam: { sub: 'coord-ams', organisatie: 'gm0363', naam: 'Carla Coördinator', email: 'carla@amsterdam.nl' },
  coordinatorRotterdam: { sub: 'coord-rdam', organisatie: 'gm0599', naam: 'Ruud Coördinator', email: 'ruud@rotterdam.nl' },
  pmm: { sub: 'pmm-desk', organisatie: 'pmm', naam: 'Petra PMM', email: 'petra@pmm.nl' },
  beheerder: { sub: 'beheerder', organisatie: 'gm0344', naam: 'Bert Beheer', email: 'bert@utrecht.nl' },
} as const;

export type Person = keyof typeof people;

/** Grants the roles of the cast and returns an inject-ready header per person. */
export async function castOf(testApp: TestApp) {
  const cli = { actor: null, herkomst: 'test' };
  const db = testApp.database.db;
  await grantRole(db, { issuer: DEV_ISSUER, subject: 'coord-ams', rol: 'coordinator', organisatie: 'gm0363' }, cli);
  await grantRole(db, { issuer: DEV_ISSUER, subject: 'coord-rdam', rol: 'coordinator', organisatie: 'gm0599' }, cli);
  await grantRole(db, { issuer: DEV_ISSUER, subject: 'pmm-desk', rol: 'pmm' }, cli);
  await grantRole(db, { issuer: DEV_ISSUER, subject: 'beheerder', rol: 'beheerder' }, cli);
  const headers = {} as Record<Person, { authorization: string }>;
  for (const [name, claims] of Object.entries(people)) headers[name as Person] = await testApp.auth(claims);
  return headers;
}

/** A valid entry body; override what the test is about. */
export function entryBody(overrides: Record<string, unknown> = {}) {
  return {
    naam: 'Eva de Boer',
    functie: 'Schuldhulpverlener',
    rolniveau: 'specialist',
    expertisegebieden: ['schulden', 'wgs'],
    email: 'eva.deboer@amsterdam.nl',
    telefoon: '020 123 4567',
    ...overrides,
  };
}
