import type { Rolniveau } from '../../db/schema/index.js';
import { isBeheerder, isPmm, type Principal } from '../auth/principal.js';
import { recordAudit } from '../audit/service.js';
import { verifiedSince } from '../professionals/termijnen.js';
import { findableFor, viewerOf } from '../professionals/visibility.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../domain-errors.js';
import { getExpertisegebied } from '../expertisegebieden/service.js';
import { getOrganisaties } from '../organisaties/service.js';
import { hasExpertise } from '../search/expertise-rule.js';
import { routingCandidates, routingTiers, type RoutingCandidate, type RoutingCounts, type RoutingTier } from '../search/routing-candidates.js';
import { rolniveauRang } from '../search/fields.js';
import { nowOf, type ServiceContext } from '../service-context.js';
import type { RoutingRequest } from './schemas.js';
import { recordRoutingUse } from './usage.js';

/**
 * Case routing for the PMM desk: for each organisation involved in a case, the best current contact for the case's
 * domains at the right level, and why. Takes organisations, domains, a level and at most the citizen's municipality
 * code — never anything else about the citizen.
 */


const PER_ORGANISATION = 3;


/** The PMM desk routes; coordinators and beheerders may use it for their own cases. */
export function mayRoute(principal: Principal): boolean {
  return isPmm(principal) || isBeheerder(principal) || principal.rollen.some((r) => r.rol === 'coordinator');
}

/** Preferred: the requested level, else the nearest above it, else the nearest below. Lower is better. */
export function levelDistance(level: Rolniveau, wanted: Rolniveau | undefined): number {
  if (!wanted) return 0;
  const difference = rolniveauRang[level] - rolniveauRang[wanted];
  return difference >= 0 ? difference : 10 - difference;
}

export async function routeCase(context: ServiceContext, request: RoutingRequest) {
  const { principal, db } = context;
  if (!mayRoute(principal)) throw new ForbiddenError('Casusroutering is voor de PMM-desk en voor coördinatoren.');
  const now = nowOf(context);
  const today = now.toISOString().slice(0, 10);

  // The organisations and domains asked about, from their own features (active or not: an old code still resolves).
  const [known, taxonomy] = await Promise.all([
    getOrganisaties(db, [...request.organisaties, ...(request.gemeente ? [request.gemeente] : [])]),
    Promise.all(request.expertisegebieden.map((code) => getExpertisegebied(db, code).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error))))),
  ]);
  const organisations = new Map(known.map((o) => [o.code, o]));
  const domains = new Map(taxonomy.filter((d) => d !== null).map((d) => [d.code, d]));
  const errors = [
    ...request.organisaties.map((code, i) => (organisations.has(code) ? null : { name: `organisaties.${i}`, code: 'unknown', reason: `Organisatie "${code}" bestaat niet.` })),
    ...request.expertisegebieden.map((code, i) => (domains.has(code) ? null : { name: `expertisegebieden.${i}`, code: 'unknown', reason: `Expertisegebied "${code}" bestaat niet.` })),
    request.gemeente && organisations.get(request.gemeente)?.type !== 'gemeente'
      ? { name: 'gemeente', code: 'unknown', reason: `"${request.gemeente}" is geen gemeentecode.` }
      : null,
  ].filter((e) => e !== null);
  if (errors.length > 0) throw new InvalidInputError(errors);
  const gemeenteProvincie = request.gemeente ? organisations.get(request.gemeente)?.provincie ?? null : null;

  const { candidates, counts } = await routingCandidates(db, {
    organisaties: request.organisaties,
    expertisegebieden: request.expertisegebieden,
    gewenstRang: request.gewenstRolniveau ? rolniveauRang[request.gewenstRolniveau] : null,
    gemeente: request.gemeente ?? null,
    gemeenteProvincie,
    findable: findableFor(viewerOf(principal), context.termijnen, now),
    verifiedSince: verifiedSince(context.termijnen, now),
    today,
    perTier: PER_ORGANISATION,
  });
  const domainNames = request.expertisegebieden.map((code) => domains.get(code)?.naam ?? code);

  const blokken = request.organisaties.map((code) => {
    const organisation = organisations.get(code)!;
    const mine = candidates.filter((c) => c.organisatieCode === code);
    // The fallback order, stated: the first tier with anyone in it answers.
    const tier = routingTiers.find((t) => mine.some((c) => c.tier === t)) ?? null;
    const chosen = mine.filter((c) => c.tier === tier);
    const tally = counts.get(code) ?? { personen: 0, metExpertise: 0 };
    return {
      organisatie: { code, naam: organisation.naam, type: organisation.type },
      gevondenVia: tier ?? 'geen',
      terugval: tier !== null && tier !== 'domein',
      melding: explain(tier, organisation.naam, domainNames, tally, isPmm(principal)),
      telling: { vindbarePersonen: tally.personen, metExpertise: tally.metExpertise },
      contacten: chosen.map((candidate) => contact(candidate, request, domains, now)),
    };
  });

  await recordRoutingUse(db, request.organisaties);
  await recordAudit(db, context.audit, {
    actie: 'casusroutering.opgevraagd',
    objectType: 'casusroutering',
    // Organisations and domains only: nothing about the citizen (not even the municipality).
    details: { organisaties: request.organisaties, expertisegebieden: request.expertisegebieden, gewenstRolniveau: request.gewenstRolniveau ?? null },
  });
  return { blokken };
}

function contact(candidate: RoutingCandidate, request: RoutingRequest, domains: Map<string, { naam: string }>, now: Date) {
  const d = candidate.document;
  const matched = request.expertisegebieden.filter((code) => hasExpertise(d.expertisePad, [code]));
  return {
    id: d.id,
    soort: d.soort,
    naam: d.naam,
    functie: d.functie,
    rolniveau: d.rolniveau,
    email: d.email,
    telefoon: d.telefoon,
    bereikbaarheid: d.bereikbaarheid,
    escalatiecontact: d.escalatiecontact,
    reden: {
      expertisegebieden: matched.map((code) => ({ code, naam: domains.get(code)?.naam ?? code })),
      rolniveau: { niveau: d.rolniveau, gewenst: request.gewenstRolniveau ?? null, afstand: levelDistance(d.rolniveau, request.gewenstRolniveau) },
      escalatiecontact: d.escalatiecontact,
      werkgebiedPast: candidate.werkgebiedMatch,
      geverifieerd: candidate.verified,
      geverifieerdOp: d.geverifieerdOp,
      bevestigdOp: d.bevestigdOp,
      afwezigTot: d.afwezigTot && d.afwezigTot >= now.toISOString().slice(0, 10) ? d.afwezigTot : null,
    },
  };
}

const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} of ${names.at(-1)}`);
const people = (n: number) => (n === 1 ? '1 vindbare persoon' : `${n} vindbare personen`);

/** What was found and why, in the words of the fallback order, so the desk knows how far the answer is from the ask. */
export function explain(tier: RoutingTier | null, organisatie: string, domainNames: string[], tally: RoutingCounts, forPmm: boolean): string | null {
  if (tier === 'domein') return null;
  const domainsText = list(domainNames);
  const why =
    tally.metExpertise > 0
      ? `Bij ${organisatie} ${tally.metExpertise === 1 ? 'is de persoon' : `zijn de ${tally.metExpertise} personen`} met ${domainsText} nu afwezig.`
      : tally.personen > 0
        ? `Bij ${organisatie} heeft niemand van de ${people(tally.personen)} ${domainsText} als expertise.`
        : `${organisatie} heeft geen vindbare personen in het register.`;
  switch (tier) {
    case 'escalatiecontact':
      return `${why} Daarom het escalatiecontact van de organisatie: die kan de casus intern doorzetten.`;
    case 'team':
      return `${why} Er is geen escalatiecontact; daarom de teamvermeldingen van de organisatie.`;
    case 'dichtstbij':
      return `${why} Er is geen escalatiecontact en geen teamvermelding; daarom de beschikbare personen die het dichtst bij het gevraagde niveau zitten.`;
    case null:
      return tally.personen > 0
        ? `${why} Er is geen teamvermelding en niemand anders is nu beschikbaar.`
        : `${why} Er is ook geen teamvermelding.${forPmm ? ' Het gat staat bij Inzichten.' : ' Neem contact op met de PMM-desk.'}`;
  }
}
