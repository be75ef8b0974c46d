import type { Zichtbaarheid } from '../../db/schema/index.js';
import { isBeheerder, isCoordinatorOf, type Principal } from '../auth/principal.js';
import { addMonths, verifiedSince, type Termijnen } from './termijnen.js';
import { admits, findable, holds, viewerOf } from './visibility.js';

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

export type { Termijnen } from './termijnen.js';

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
  if (!entry.geverifieerdOp) return 'ontbreekt';
  return entry.geverifieerdOp > verifiedSince(termijnen, now) ? 'geldig' : 'verlopen';
}

/** Findable: active and confirmed within the confirmation period (visibility.ts). */
export const isFindable = (entry: EntryFacts, termijnen: Termijnen, now: Date) => holds(findable(termijnen, now), entry);

/** Whoever may edit an entry sees it in every state; others only when the visibility rule lets them find it. */
export const maySee = (principal: Principal, entry: EntryFacts, termijnen: Termijnen, now: Date) =>
  mayEdit(principal, entry) || (isFindable(entry, termijnen, now) && holds(admits(viewerOf(principal)), entry));
