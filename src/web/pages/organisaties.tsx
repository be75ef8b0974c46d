import type { Principal } from '../../auth/principal.js';
import type { OrganisatieView } from '../../organisaties/schemas.js';
import { organisatieTypeLabels } from '../../zoeken/labels.js';
import { Layout } from '../layout.js';
import { Paginering } from './paginering.js';

/** The organisation index: every active organisation, searchable by name, filtered by type and province. */
export interface OrganisatiesPaginaProps {
  principal: Principal;
  csrfToken: string;
  params: URLSearchParams;
  provincies: string[];
  result?: { resultaten: OrganisatieView[]; totaal: number; pagina: number; paginaGrootte: number };
  fout?: string;
}

function pageLink(params: URLSearchParams, pagina: number) {
  const next = new URLSearchParams(params);
  next.set('pagina', String(pagina));
  return `/organisaties?${next}`;
}

export function OrganisatiesPagina({ principal, csrfToken, params, provincies, result, fout }: OrganisatiesPaginaProps) {
  const types = new Set(params.getAll('type'));
  const provincie = params.get('provincie') ?? '';
  const lastPage = result ? Math.max(1, Math.ceil(result.totaal / result.paginaGrootte)) : 1;
  return (
    <Layout titel="Organisaties" principal={principal} csrfToken={csrfToken}>
      <h1 class="utrecht-heading-1">Organisaties</h1>
      <p>Alle overheidsorganisaties in het register. Open een organisatie voor haar teams en professionals.</p>
      <form method="get" action="/organisaties" class="mr-organisatiezoeker" role="search" aria-label="Organisaties zoeken">
        <div class="mr-zoekbalk">
          <div class="mr-zoekbalk__veld">
            <label class="utrecht-form-label" for="zoekterm">
              Naam of afkorting
            </label>
            <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="zoekterm" name="zoekterm" value={params.get('zoekterm') ?? ''} autocomplete="off" />
          </div>
          <div class="mr-zoekbalk__niveau">
            <label class="utrecht-form-label" for="provincie">
              Provincie
            </label>
            <select class="utrecht-select utrecht-select--html-select" id="provincie" name="provincie">
              <option value="">Alle provincies</option>
              {provincies.map((p) => (
                <option value={p} selected={provincie === p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset class="mr-soorten">
          <legend>Soort organisatie</legend>
          <ul>
            {Object.entries(organisatieTypeLabels).map(([waarde, label]) => (
              <li>
                <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`type-${waarde}`} name="type" value={waarde} checked={types.has(waarde)} />
                <label for={`type-${waarde}`}>{label}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Organisaties zoeken
        </button>
      </form>
      {fout && (
        <div class="mr-melding mr-melding--fout" role="alert">
          <p>{fout}</p>
        </div>
      )}
      {result && (
        <section aria-labelledby="organisaties-kop">
          <h2 class="utrecht-heading-2" id="organisaties-kop">
            {result.totaal === 1 ? '1 organisatie' : `${result.totaal.toLocaleString('nl-NL')} organisaties`}
          </h2>
          {result.totaal === 0 ? (
            <p>Geen organisatie gevonden. Probeer een deel van de naam, of haal een filter weg.</p>
          ) : (
            <ul class="mr-organisaties" data-organisaties>
              {result.resultaten.map((o) => (
                <li>
                  <a class="utrecht-link" href={`/organisaties/${o.code}`}>
                    {o.naam}
                  </a>
                  <span class="mr-hint">
                    {' '}
                    · {organisatieTypeLabels[o.type] ?? o.type}
                    {o.provincie ? ` · ${o.provincie}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Paginering pagina={result.pagina} laatste={lastPage} href={(pagina) => pageLink(params, pagina)} />
        </section>
      )}
    </Layout>
  );
}
