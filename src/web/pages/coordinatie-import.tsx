import type { Principal } from '../../auth/principal.js';
import type { ImportReport } from '../../professionals/import.js';
import type { ImportReference } from '../../professionals/import-reference.js';
import type { ImporttaakView } from '../../professionals/import-jobs.js';
import { Layout } from '../layout.js';

/**
 * The import parts of the coordinator's pages: the form (file or pasted text), the report, the reference of allowed
 * values, and the page of an import job with its progress.
 */

const regels = (fouten: ImportReport['fouten']) => new Set(fouten.map((f) => f.regel)).size;

/**
 * The outcome of an import, shown at the top of the page with focus on it (`autofocus`, so also without JavaScript):
 * after a long file the coordinator should not have to look for it.
 */
/** `klaar`: after a dry run without errors, what was checked is in the form (named, for a file), one click from importing. */
export function ImportRapport({ report, organisatie, klaar }: { report: ImportReport; organisatie: string; klaar?: { bestandsnaam: string | null } | undefined }) {
  const fout = report.fouten.length > 0;
  // Line 0: about the file as a whole (too large, not readable), not about any line in it.
  const fileOnly = fout && report.fouten.every((f) => f.regel === 0);
  const count = regels(report.fouten);
  return (
    <div class={fout ? 'mr-melding mr-melding--fout' : 'mr-melding'} id="importrapport" tabindex={-1} autofocus aria-labelledby="importrapport-kop">
      <h2 class="utrecht-heading-2" id="importrapport-kop">
        {fileOnly
          ? 'Er is niets geïmporteerd'
          : fout
            ? `Er is niets geïmporteerd: ${count} ${count === 1 ? 'regel bevat' : 'regels bevatten'} fouten`
            : report.proefrun
              ? 'Proefrun geslaagd'
              : 'Import geslaagd'}
      </h2>
      {fout ? (
        <>
          {!fileOnly && <p>Herstel deze regels in je bestand en importeer het opnieuw. Eén fout betekent dat er niets wordt geïmporteerd.</p>}
          <ul class="mr-foutenlijst">
            {report.fouten.map((f) =>
              f.regel === 0 ? (
                <li>{f.melding}</li>
              ) : (
                <li>
                  {f.regel === 1 && f.veld !== '(bestand)' ? 'Kopregel' : `Regel ${f.regel}`}
                  {f.veld.startsWith('(') ? '' : `, ${f.veld}`}: {f.melding}
                </li>
              ),
            )}
          </ul>
          <p>
            <a class="utrecht-link" href={`/coordinatie/import/waarden?organisatie=${organisatie}`}>
              Bekijk de toegestane waarden
            </a>
          </p>
        </>
      ) : (
        <p>
          {report.proefrun ? 'Bij importeren worden ' : 'Geïmporteerd: '}
          {report.aangemaakt} nieuw, {report.bijgewerkt} bijgewerkt, {report.ongewijzigd} ongewijzigd.
          {report.proefrun ? ' Er is nog niets veranderd.' : ''}
        </p>
      )}
      {!fout && report.proefrun && klaar && (
        <p>
          {klaar.bestandsnaam ? `De inhoud van ${klaar.bestandsnaam} staat klaar in het tekstvak hieronder. ` : ''}
          <button class="utrecht-button utrecht-button--primary-action" type="submit" form="import-formulier" name="actie" value="importeren">
            Nu importeren
          </button>
        </p>
      )}
    </div>
  );
}

export function ImportFormulier({ organisatie, csrfToken, csv }: { organisatie: string; csrfToken: string; csv: string }) {
  return (
    <section aria-labelledby="import-kop">
      <h2 class="utrecht-heading-2" id="import-kop" tabindex={-1}>
        Importeren uit een spreadsheet
      </h2>
      <p id="import-uitleg">
        Sla je spreadsheet op als CSV en kies het bestand, of plak de inhoud in het tekstvak. De eerste regel bevat de kolomnamen; verplicht zijn naam, functie, email,
        rolniveau en expertisegebieden. Schrijf waarden zoals je gewend bent (Specialist, Participatiewet); meerdere waarden scheid je met een puntkomma. Bestaande
        vermeldingen worden op e-mailadres bijgewerkt. Eén fout betekent dat er niets wordt geïmporteerd; controleer eerst met een proefrun.
      </p>
      <ul class="mr-kenmerken">
        <li>
          <a class="utrecht-link" href="/coordinatie/import/sjabloon.csv" download="maatwerkregister-importsjabloon.csv">
            Download het sjabloon (CSV)
          </a>{' '}
          met twee voorbeeldregels; vervang die door je eigen regels.
        </li>
        <li>
          <a class="utrecht-link" href={`/coordinatie/import/waarden?organisatie=${organisatie}`}>
            Toegestane waarden
          </a>
        </li>
      </ul>
      <form class="mr-formulier" id="import-formulier" method="post" action={`/coordinatie/import?organisatie=${organisatie}`} enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <div class="mr-veld">
          <label for="bestand">CSV-bestand</label>
          <input class="mr-bestand" type="file" id="bestand" name="bestand" accept=".csv,text/csv,text/plain" aria-describedby="import-uitleg" />
        </div>
        <div class="mr-veld">
          <label for="csv">Of plak de CSV-inhoud</label>
          <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="csv" name="csv" rows={8}>
            {csv}
          </textarea>
        </div>
        <p>
          <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="proefrun">
            Controleren (proefrun)
          </button>{' '}
          <button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="importeren">
            Importeren
          </button>
        </p>
      </form>
    </section>
  );
}

const kolomTitels: Record<string, string> = {
  rolniveau: 'Rolniveau',
  zichtbaarheid: 'Zichtbaarheid',
  soort: 'Soort',
  status: 'Status',
  escalatiecontact: 'Escalatiecontact',
};

/** The allowed values, for filling in a file: one page, printable, linked from the form and from every error report. */
export function ImportWaardenPagina({ principal, csrfToken, organisatie, reference }: { principal: Principal; csrfToken: string; organisatie: string; reference: ImportReference }) {
  return (
    <Layout titel="Toegestane waarden voor de import" principal={principal} csrfToken={csrfToken}>
      <p>
        <a class="utrecht-link" href={`/coordinatie?organisatie=${organisatie}`}>
          Terug naar coördinatie
        </a>
      </p>
      <h1 class="utrecht-heading-1">Toegestane waarden voor de import</h1>
      <p>Hoofdletters en accenten maken niet uit. Meerdere waarden in één cel scheid je met een puntkomma (;).</p>
      <h2 class="utrecht-heading-2">Kolommen</h2>
      <p>
        Verplicht: {reference.kolommen.filter((k) => k.verplicht).map((k) => k.naam).join(', ')}. Optioneel:{' '}
        {reference.kolommen.filter((k) => !k.verplicht).map((k) => k.naam).join(', ')}. Werkgebied: provincies of gemeenten bij naam (Noord-Brabant, Tilburg, Utrecht (gemeente)); laat het leeg voor de
        hele organisatie.
      </p>
      {reference.keuzes.map((keuze) => (
        <section aria-labelledby={`waarden-${keuze.kolom}`}>
          <h2 class="utrecht-heading-2" id={`waarden-${keuze.kolom}`}>
            {kolomTitels[keuze.kolom] ?? keuze.kolom}
          </h2>
          <dl class="mr-waarden">
            {keuze.waarden.map((w) => (
              <>
                <dt>
                  <code>{w.waarde}</code>
                </dt>
                <dd>{w.uitleg}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
      <section aria-labelledby="waarden-expertise">
        <h2 class="utrecht-heading-2" id="waarden-expertise">
          Expertisegebieden
        </h2>
        <p>Gebruik de code, de naam of een van de andere namen.</p>
        <div class="mr-tabel">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{reference.expertisegebieden.length} expertisegebieden</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">Code</th>
                <th scope="col" class="utrecht-table__header-cell">Naam</th>
                <th scope="col" class="utrecht-table__header-cell">Andere namen</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {reference.expertisegebieden.map((e) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <code>{e.code}</code>
                  </td>
                  <td class="utrecht-table__cell">{e.naam}</td>
                  <td class="utrecht-table__cell">{e.synoniemen.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}

const faseTekst: Record<string, string> = {
  wachten: 'Wacht op verwerking',
  controleren: 'Het bestand wordt gecontroleerd',
  toepassen: 'De vermeldingen worden opgeslagen',
  zoekindex: 'De zoekindex wordt bijgewerkt',
};

/** An import job: a progress bar while it runs (reloaded by script, or by the page itself without JavaScript), then the report. */
export function ImporttaakPagina({ principal, csrfToken, taak }: { principal: Principal; csrfToken: string; taak: ImporttaakView }) {
  const klaar = taak.status === 'klaar' || taak.status === 'mislukt';
  const self = `/coordinatie/import/${taak.id}?organisatie=${taak.organisatie}`;
  return (
    <Layout titel={klaar ? 'Import afgerond' : 'Import bezig'} principal={principal} csrfToken={csrfToken} scripts={klaar ? [] : ['/static/importtaak.js']} verversen={klaar ? undefined : 3}>
      <h1 class="utrecht-heading-1">{taak.proefrun ? 'Proefrun van een groot bestand' : 'Import van een groot bestand'}</h1>
      <div id="importtaak" data-klaar={klaar ? 'ja' : undefined}>
        {taak.status === 'mislukt' ? (
          <div class="mr-melding mr-melding--fout" id="importrapport" tabindex={-1} autofocus>
            <h2 class="utrecht-heading-2">De import is mislukt</h2>
            <p>{taak.foutmelding}</p>
          </div>
        ) : taak.rapport ? (
          <ImportRapport report={taak.rapport} organisatie={taak.organisatie} />
        ) : (
          <>
            <label for="voortgang">{faseTekst[taak.voortgang.fase] ?? 'Bezig'}</label>
            <progress id="voortgang" max={100} value={taak.voortgang.procent}>
              {taak.voortgang.procent}%
            </progress>
            <p>
              {taak.voortgang.procent}% · {taak.voortgang.totaal} regels. Je kunt deze pagina sluiten: de import gaat door, en hier lees je later de uitkomst.
            </p>
            <p>
              <a class="utrecht-link" href={self}>
                Vernieuwen
              </a>
            </p>
          </>
        )}
      </div>
      <p>
        <a class="utrecht-link" href={`/coordinatie?organisatie=${taak.organisatie}`}>
          Terug naar coördinatie
        </a>
      </p>
    </Layout>
  );
}
