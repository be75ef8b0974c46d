import { organisatieTypeLabels } from '../../zoeken/labels.js';

/**
 * The routing page's organisation picker (#14 point 12). Without JavaScript it is a list of checkboxes: the chosen
 * organisations, the ones the desk routes to most, and — after "Zoek organisatie" — those matching a typed name;
 * a chosen one is removed by unticking it. With JavaScript, static/organisatie-kiezer.js turns it into an ARIA
 * combobox (the pattern of GOV.UK's accessible-autocomplete and NL Design System's combobox): type to filter,
 * arrows, Enter and Escape, the chosen ones as chips with a remove button. Both send `organisaties=<code>` fields,
 * so the route reads one shape.
 */

export interface KiezerOrganisatie {
  code: string;
  naam: string;
  afkorting: string | null;
  officieleNaam?: string;
  type: string;
}

export interface OrganisatieKiezerProps {
  organisaties: KiezerOrganisatie[];
  gekozen: string[];
  veelgebruikt: string[];
  /** Without JavaScript: the typed search and what it found. */
  zoekterm: string;
  gevonden: KiezerOrganisatie[];
  fout: boolean;
}

const label = (o: KiezerOrganisatie) => (o.afkorting && !o.naam.includes(o.afkorting) ? `${o.naam} (${o.afkorting})` : o.naam);

function Keuze({ organisatie, checked, prefix }: { organisatie: KiezerOrganisatie; checked: boolean; prefix: string }) {
  const id = `${prefix}-${organisatie.code}`;
  return (
    <li>
      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name="organisaties" value={organisatie.code} checked={checked} />
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
        {label(organisatie)} <span class="mr-hint-inline">· {organisatieTypeLabels[organisatie.type] ?? organisatie.type}</span>
      </label>
    </li>
  );
}

export function OrganisatieKiezer({ organisaties, gekozen, veelgebruikt, zoekterm, gevonden, fout }: OrganisatieKiezerProps) {
  const byCode = new Map(organisaties.map((o) => [o.code, o]));
  const chosen = gekozen.map((code) => byCode.get(code)).filter((o) => o !== undefined);
  const chosenCodes = new Set(chosen.map((o) => o.code));
  const frequent = veelgebruikt.map((code) => byCode.get(code)).filter((o) => o !== undefined);
  const shownAbove = new Set(frequent.map((o) => o.code));
  // Found ones already listed above (chosen or frequent) are not repeated.
  const found = gevonden.filter((o) => !chosenCodes.has(o.code) && !shownAbove.has(o.code));
  // Compact data for the script: code, name, abbreviation, type label, official name ("Gemeente Tilburg") when it differs.
  const data = JSON.stringify(organisaties.map((o) => [o.code, o.naam, o.afkorting ?? '', organisatieTypeLabels[o.type] ?? o.type, o.officieleNaam && o.officieleNaam !== o.naam ? o.officieleNaam : '']));
  return (
    <div class={fout ? 'mr-veld mr-veld--fout' : 'mr-veld'} id="veld-organisaties">
      <fieldset class="mr-kiezer" data-organisatiekiezer data-organisaties={data} data-veelgebruikt={JSON.stringify(frequent.map((o) => o.code))} aria-describedby="hint-organisaties">
        <legend class="mr-kiezer__legenda">Betrokken organisaties (1 tot 20)</legend>
        <p class="mr-hint" id="hint-organisaties">
          Typ een deel van de naam of de afkorting, bijvoorbeeld SVB of Tilburg, en kies de organisatie. De organisaties waar de desk het vaakst naar zoekt, staan bovenaan.
        </p>
        <div data-zonder-js>
          {chosen.length > 0 && (
            <>
              <p class="mr-kiezer__kop">Gekozen (vink uit om te verwijderen):</p>
              <ul class="mr-keuzelijst">
                {chosen.map((o) => (
                  <Keuze organisatie={o} checked prefix="gekozen" />
                ))}
              </ul>
            </>
          )}
          {frequent.some((o) => !chosenCodes.has(o.code)) && (
            <>
              <p class="mr-kiezer__kop">Vaak gevraagd:</p>
              <ul class="mr-keuzelijst">
                {frequent
                  .filter((o) => !chosenCodes.has(o.code))
                  .map((o) => (
                    <Keuze organisatie={o} checked={false} prefix="vaak" />
                  ))}
              </ul>
            </>
          )}
          <label class="utrecht-form-label" for="organisatieZoekterm">
            Andere organisatie zoeken
          </label>
          <div class="mr-kiezer__zoek">
            <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="organisatieZoekterm" name="organisatieZoekterm" value={zoekterm} autocomplete="off" />
            <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="organisatieZoeken" value="1">
              Zoek organisatie
            </button>
          </div>
          {zoekterm && (
            <div role="status">
              {gevonden.length === 0 ? (
                <p>Geen organisatie gevonden voor ‘{zoekterm}’.</p>
              ) : (
                <>
                  <p class="mr-kiezer__kop">
                    {gevonden.length === 1 ? '1 organisatie' : `${gevonden.length} organisaties`} voor ‘{zoekterm}’
                    {found.length < gevonden.length ? ` (${gevonden.length - found.length} al hierboven)` : ''}
                    {found.length > 0 ? ' — vink aan wat je wilt toevoegen:' : '.'}
                  </p>
                  {found.length > 0 && (
                    <ul class="mr-keuzelijst">
                      {found.map((o) => (
                        <Keuze organisatie={o} checked={false} prefix="gevonden" />
                      ))}
                    </ul>
                  )}
                </>
              )}
            </div>
          )}
        </div>
      </fieldset>
    </div>
  );
}
