import type { Zichtbaarheid } from '../../db/schema/index.js';
import { isBeheerder, isCoordinatorOf, isPmm, type Principal } from '../auth/principal.js';
import type { Config } from '../config.js';

/**
 * Who may do what with an entry, and when an entry counts as current. Pure functions: the services ask them,
 * the tests exercise them directly and through the API.
 */

export interface EntryFacts {
  organisatieCode: string;
  zichtbaarheid: Zichtbaarheid;
  status: 'actief' | 'inactief';
  bevestigdOp: Date;
  geverifieerdOp: Date | null;
  eigenaarIssuer: string | null;
  eigenaarSubject: string | null;
}

export type Termijnen = Config['termijnen'];

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

export const isOwner = (principal: Principal, entry: EntryFacts) =>
  entry.eigenaarSubject !== null && entry.eigenaarIssuer === principal.issuer && entry.eigenaarSubject === principal.subject;

/** Coordinators of the entry's organisation and beheerders manage it on behalf of the organisation. */
export const managesForOrganisation = (principal: Principal, organisatie: string) =>
  isBeheerder(principal) || isCoordinatorOf(principal, organisatie);

export const mayEdit = (principal: Principal, entry: EntryFacts) => isOwner(principal, entry) || managesForOrganisation(principal, entry.organisatieCode);

/** Verification is an attestation by someone else: not by the entry's own owner. */
export const mayVerify = (principal: Principal, entry: EntryFacts) =>
  managesForOrganisation(principal, entry.organisatieCode) && !isOwner(principal, entry);

/** The owner confirms; entries without an owner (team entries, unclaimed ones) are confirmed by their coordinator. */
export const mayConfirm = (principal: Principal, entry: EntryFacts) =>
  isOwner(principal, entry) || (entry.eigenaarSubject === null && managesForOrganisation(principal, entry.organisatieCode));

export function confirmationExpiry(entry: Pick<EntryFacts, 'bevestigdOp'>, termijnen: Termijnen): Date {
  return addMonths(entry.bevestigdOp, termijnen.bevestigingMaanden);
}

export function verificationExpiry(entry: Pick<EntryFacts, 'geverifieerdOp'>, termijnen: Termijnen): Date | null {
  return entry.geverifieerdOp ? addMonths(entry.geverifieerdOp, termijnen.verificatieMaanden) : null;
}

export function verificationStatus(entry: Pick<EntryFacts, 'geverifieerdOp'>, termijnen: Termijnen, now: Date): 'geldig' | 'verlopen' | 'ontbreekt' {
  const expiry = verificationExpiry(entry, termijnen);
  if (!expiry) return 'ontbreekt';
  return expiry > now ? 'geldig' : 'verlopen';
}

/** Findable: active and confirmed within the confirmation period. */
export const isFindable = (entry: Pick<EntryFacts, 'status' | 'bevestigdOp'>, termijnen: Termijnen, now: Date) =>
  entry.status === 'actief' && confirmationExpiry(entry, termijnen) > now;

/** What `zichtbaarheid` allows, for a findable entry. */
export function visibilityAllows(principal: Principal, entry: Pick<EntryFacts, 'zichtbaarheid' | 'organisatieCode'>): boolean {
  switch (entry.zichtbaarheid) {
    case 'alle-professionals':
      return true;
    case 'eigen-organisatie':
      return principal.organisatie === entry.organisatieCode;
    case 'pmm':
      return isPmm(principal) || principal.organisatie === entry.organisatieCode;
  }
}

/** Whoever may edit an entry sees it in every state; others only when it is findable and visible to them. */
export const maySee = (principal: Principal, entry: EntryFacts, termijnen: Termijnen, now: Date) =>
  mayEdit(principal, entry) || (isFindable(entry, termijnen, now) && visibilityAllows(principal, entry));
