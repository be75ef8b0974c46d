/**
 * The processing activities (verwerkingsactiviteiten) in which the register processes personal data of the
 * professionals it lists, as the Logboek Dataverwerkingen refers to them (`dpl.core.processing_activity_id`). Each
 * organisation running the register records them in its Register van Verwerkingsactiviteiten; set
 * VERWERKINGSACTIVITEITEN_URI to the prefix of their URIs there. Described for operators in
 * docs/verwerkingsactiviteiten.md.
 */
export const activities = {
  /** A signed-in professional opens an entry (API or page). */
  'vermelding-raadplegen': 'Een vermelding raadplegen',
  /** A person downloads everything held about them (AVG art. 15 and 20). */
  'gegevens-inzien': 'Eigen gegevens inzien en exporteren',
  /** Creating, changing, confirming, verifying, claiming or deactivating an entry. */
  'vermelding-bijhouden': 'Een vermelding bijhouden',
  /** A coordinator's CSV import creates or updates entries. */
  'vermeldingen-importeren': 'Vermeldingen importeren',
  /** An organisation's HR or identity system creates, updates or deactivates its people's entries (SCIM). */
  'vermeldingen-provisioneren': 'Vermeldingen bijhouden vanuit de organisatie (SCIM)',
  /** Deleting an entry: by its owner or coordinator (AVG art. 17) or when its retention period has passed. */
  'vermelding-verwijderen': 'Een vermelding verwijderen',
} as const;

export type ActivityId = keyof typeof activities;

/** The kind of identifier in `dpl.core.data_subject_id`: the entry id, meaningless outside the register. */
export const ENTRY_SUBJECT_TYPE = 'urn:nl:maatwerkregister:vermelding';

/** Which activity an audited change of an entry belongs to. */
export function activityOfAudit(actie: string, details: Record<string, unknown> | undefined): ActivityId | undefined {
  if (!actie.startsWith('professional.')) return undefined;
  if (actie === 'professional.verwijderd') return 'vermelding-verwijderen';
  if (details?.import === true) return 'vermeldingen-importeren';
  if (details?.scim === true) return 'vermeldingen-provisioneren';
  return 'vermelding-bijhouden';
}
