import { sql } from 'drizzle-orm';
import type { Rolniveau } from '../../db/schema/index.js';
import { isBeheerder, isPmm, type Principal } from '../auth/principal.js';
import { recordAudit } from '../audit/service.js';
import { verifiedSince } from '../professionals/termijnen.js';
import { findableFor, viewerOf } from '../professionals/visibility.js';
import { visibilitySql } from '../professionals/visibility-sql.js';
import { ForbiddenError, InvalidInputError } from '../domain-errors.js';
import type { SearchDocument } from '../search/document.js';
import { rolniveauRang } from '../search/fields.js';
import { nowOf, type ServiceContext } from '../service-context.js';
import type { RoutingRequest } from './schemas.js';

/**
 * Case routing for the PMM desk: for each organisation involved in a case, the best current contact for the case's
 * domains at the right level, and why. Takes organisations, domains, a level and at most the citizen's municipality
 * code — never anything else about the citizen.
 */


const PER_ORGANISATION = 3;

interface Candidate {
  organisatie_code: string;
  soort: 'persoon' | 'team';
  document: SearchDocument;
  domain_match: boolean;
  verified: boolean;
  werkgebied_match: boolean;
}

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

  const known = await db.execute<{ code: string; naam: string; type: string; actief: boolean; provincie: string | null; kind: string }>(sql`
    SELECT code, naam, type::text, actief, provincie, 'organisatie' AS kind FROM organisaties
      WHERE code IN (${sql.join([...request.organisaties, ...(request.gemeente ? [request.gemeente] : [])].map((c) => sql`${c}`), sql`, `)})
    UNION ALL
    SELECT code, naam, categorie::text, actief, NULL, 'expertise' FROM expertisegebieden
      WHERE code IN (${sql.join(request.expertisegebieden.map((c) => sql`${c}`), sql`, `)})`);
  const organisations = new Map(known.filter((k) => k.kind === 'organisatie').map((k) => [k.code, k]));
  const domains = new Map(known.filter((k) => k.kind === 'expertise').map((k) => [k.code, k]));
  const errors = [
    ...request.organisaties.map((code, i) => (organisations.has(code) ? null : { name: `organisaties.${i}`, code: 'unknown', reason: `Organisatie "${code}" bestaat niet.` })),
    ...request.expertisegebieden.map((code, i) => (domains.has(code) ? null : { name: `expertisegebieden.${i}`, code: 'unknown', reason: `Expertisegebied "${code}" bestaat niet.` })),
    request.gemeente && organisations.get(request.gemeente)?.type !== 'gemeente'
      ? { name: 'gemeente', code: 'unknown', reason: `"${request.gemeente}" is geen gemeentecode.` }
      : null,
  ].filter((e) => e !== null);
  if (errors.length > 0) throw new InvalidInputError(errors);
  const gemeenteProvincie = request.gemeente ? organisations.get(request.gemeente)?.provincie ?? null : null;

  const domainArray = sql`ARRAY[${sql.join(request.expertisegebieden.map((c) => sql`${c}`), sql`, `)}]::text[]`;
  const wanted = request.gewenstRolniveau ? rolniveauRang[request.gewenstRolniveau] : null;
  const levelOrder = wanted === null ? sql`0` : sql`CASE WHEN d.rolniveau_rang >= ${wanted}::int THEN d.rolniveau_rang - ${wanted}::int ELSE 10 + ${wanted}::int - d.rolniveau_rang END`;
  const werkgebiedMatch = request.gemeente
    ? sql`(${request.gemeente}::text = ANY(d.werkgebied) OR ${gemeenteProvincie}::text = ANY(d.provincies))`
    : sql`false`;
  const verified = sql`coalesce(d.geverifieerd_op > ${verifiedSince(context.termijnen, now).toISOString()}::timestamptz, false)`;

  // Per organisation: people with a matching domain who are not absent today, and the organisation's team entries;
  // best first by the routing rules. The visibility rule as in search (pmm entries are for the desk). Ranked on the columns of
  // the covering index zoekdocumenten_routering_idx (a large organisation has thousands of entries); only the chosen
  // few read their display document, through a per-row subquery so the planner cannot turn it into a full scan.
  const candidates = await db.execute<Candidate & Record<string, unknown>>(sql`
    SELECT ranked.organisatie_code, ranked.soort, ranked.domain_match, ranked.verified, ranked.werkgebied_match,
           (SELECT w.document FROM zoekdocument_weergave w WHERE w.professional_id = ranked.professional_id) AS document FROM (
      SELECT d.professional_id, d.organisatie_code, d.soort::text AS soort,
             (d.expertise_pad && ${domainArray}) AS domain_match,
             ${verified} AS verified,
             ${werkgebiedMatch} AS werkgebied_match,
             row_number() OVER (
               PARTITION BY d.organisatie_code, d.soort
               ORDER BY (d.expertise_pad && ${domainArray}) DESC, ${levelOrder}, d.escalatiecontact DESC,
                        ${werkgebiedMatch} DESC, ${verified} DESC,
                        d.bevestigd_op DESC, d.professional_id) AS n
      FROM zoekdocumenten d
      WHERE d.organisatie_code IN (${sql.join(request.organisaties.map((c) => sql`${c}`), sql`, `)})
        AND ${visibilitySql(findableFor(viewerOf(principal), context.termijnen, now), 'd')}
        AND (d.soort = 'team' OR (d.expertise_pad && ${domainArray} AND (d.afwezig_tot IS NULL OR d.afwezig_tot < ${today}::date)))
    ) ranked
    WHERE ranked.n <= ${PER_ORGANISATION}
    ORDER BY ranked.organisatie_code, ranked.soort, ranked.n`);

  const blokken = request.organisaties.map((code) => {
    const organisation = organisations.get(code)!;
    const mine = candidates.filter((c) => c.organisatie_code === code);
    const people = mine.filter((c) => c.soort === 'persoon');
    const teams = mine.filter((c) => c.soort === 'team');
    const fallback = people.length === 0;
    const chosen = fallback ? teams : people;
    return {
      organisatie: { code, naam: organisation.naam, type: organisation.type },
      terugval: fallback && teams.length > 0,
      melding:
        chosen.length === 0
          ? 'Geen actuele contactpersoon en geen teamvermelding bij deze organisatie. Neem contact op met de PMM-desk om dit gat te melden.'
          : fallback
            ? 'Geen persoon met deze expertise beschikbaar; dit zijn de teamvermeldingen van de organisatie.'
            : null,
      contacten: chosen.map((candidate) => contact(candidate, request, domains, now)),
    };
  });

  await recordAudit(db, context.audit, {
    actie: 'casusroutering.opgevraagd',
    objectType: 'casusroutering',
    // Organisations and domains only: nothing about the citizen (not even the municipality).
    details: { organisaties: request.organisaties, expertisegebieden: request.expertisegebieden, gewenstRolniveau: request.gewenstRolniveau ?? null },
  });
  return { blokken };
}

function contact(candidate: Candidate, request: RoutingRequest, domains: Map<string, { naam: string }>, now: Date) {
  const d = candidate.document;
  const matched = request.expertisegebieden.filter((code) => d.expertisePad.includes(code));
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
      werkgebiedPast: candidate.werkgebied_match,
      geverifieerd: candidate.verified,
      geverifieerdOp: d.geverifieerdOp,
      bevestigdOp: d.bevestigdOp,
      afwezigTot: d.afwezigTot && d.afwezigTot >= now.toISOString().slice(0, 10) ? d.afwezigTot : null,
    },
  };
}
