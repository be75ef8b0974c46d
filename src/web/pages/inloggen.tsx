import type { SignInShortfall } from '../../auth/sign-in-level.js';
import { Layout } from '../layout.js';

export interface InlogProps {
  csrfToken: string;
  terug: string;
  devLogin: boolean;
  /** Sign-in through the organisation's OpenID provider is configured. */
  oidc?: boolean;
  fout?: string;
  waarden?: Record<string, string>;
  /** The development sign-in's type-ahead list of organisation names. */
  organisatieNamen?: string[];
  /** Why the page is shown, when the person did not come to sign in (see `inlogMelding`). */
  melding?: InlogMelding | undefined;
}

/** Why someone lands on the sign-in page: signed out, a form sent without a session, a session that ran out. */
export type InlogMelding = 'uitgelogd' | 'niet-opgeslagen' | 'sessie-verlopen';

/** The message named in the URL; only these kinds, so a crafted link cannot put other words on the page. */
export const inlogMelding = (value: unknown): InlogMelding | undefined =>
  value === 'uitgelogd' || value === 'niet-opgeslagen' || value === 'sessie-verlopen' ? value : undefined;

function Melding({ melding }: { melding: InlogMelding }) {
  if (melding === 'uitgelogd') {
    return (
      <div class="mr-melding" role="status">
        <p>Je bent uitgelogd. Tot de volgende keer.</p>
        <p>Gebruik je een computer samen met anderen? Sluit dan ook de browser.</p>
      </div>
    );
  }
  return (
    <div class="mr-melding mr-melding--fout" role="alert" id="sessie-melding">
      {melding === 'niet-opgeslagen' ? (
        <p>Je sessie is verlopen of je bent uitgelogd (misschien in een ander venster). Je wijziging is daarom niet opgeslagen. Log opnieuw in; je komt dan terug op de pagina waar je was en kunt het opnieuw doen.</p>
      ) : (
        <p>Je sessie is verlopen. Log opnieuw in; je komt dan terug op de pagina waar je was.</p>
      )}
    </div>
  );
}

/**
 * Sign-in. In development the form signs you in with the local development issuer (pick a subject, an organisation
 * and roles to try things); it does not exist when NODE_ENV=production.
 */
export function InlogPagina({ csrfToken, terug, devLogin, oidc = false, fout, waarden = {}, organisatieNamen = [], melding }: InlogProps) {
  const uitgelogd = melding === 'uitgelogd';
  return (
    <Layout titel={uitgelogd ? 'Uitgelogd' : 'Inloggen'} csrfToken={csrfToken}>
      <h1 class="utrecht-heading-1">{uitgelogd ? 'Je bent uitgelogd' : 'Inloggen'}</h1>
      {melding && <Melding melding={melding} />}
      {uitgelogd && <h2 class="utrecht-heading-2">Opnieuw inloggen</h2>}
      {oidc && (
        <p>
          <a class="utrecht-button-link utrecht-button-link--primary-action mr-knoplink" href={`/inloggen/oidc?terug=${encodeURIComponent(terug)}`}>
            Inloggen via je organisatie
          </a>
        </p>
      )}
      {oidc && fout && !devLogin && (
        <div class="mr-melding mr-melding--fout" role="alert">
          <p>{fout}</p>
        </div>
      )}
      {!devLogin ? (
        !oidc && (
          <div class="mr-melding">
            <p>Inloggen via je organisatie is nog niet ingesteld. Neem contact op met de beheerder.</p>
          </div>
        )
      ) : (
        <>
          <div class="mr-melding">
            <p>
              Dit is een ontwikkel- en proefomgeving. Kies zelf wie je bent: er wordt niets gecontroleerd. In productie log je in via je eigen organisatie.
            </p>
          </div>
          {fout && (
            <div class="mr-melding mr-melding--fout" role="alert" id="inlog-fout">
              <p>{fout}</p>
            </div>
          )}
          <form class="mr-formulier" method="post" action="/inloggen" aria-describedby={fout ? 'inlog-fout' : undefined}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <input type="hidden" name="terug" value={terug} />
            <div>
              <label for="sub">Gebruikersnaam</label>
              <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id="sub" name="sub" required autocomplete="username" value={waarden.sub ?? ''} />
            </div>
            <div>
              <label for="naam">Naam</label>
              <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id="naam" name="naam" autocomplete="name" value={waarden.naam ?? ''} />
            </div>
            <div>
              <label for="email">Werk-e-mailadres</label>
              <input class="utrecht-textbox utrecht-textbox--html-input" type="email" id="email" name="email" autocomplete="email" value={waarden.email ?? ''} />
            </div>
            <div>
              <label for="organisatie">Organisatie</label>
              <p id="organisatie-uitleg">Typ de naam, de afkorting of de code en kies uit de lijst, bijvoorbeeld Amsterdam, UWV of PMM.</p>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                type="text"
                id="organisatie"
                name="organisatie"
                required
                autocomplete="off"
                list="organisatie-namen"
                aria-describedby="organisatie-uitleg"
                value={waarden.organisatie ?? 'Amsterdam'}
              />
              {/* The browser's own type-ahead list, also without JavaScript; the server accepts name, abbreviation or code. */}
              <datalist id="organisatie-namen">
                {organisatieNamen.map((naam) => (
                  <option value={naam} />
                ))}
              </datalist>
            </div>
            <fieldset>
              <legend>Rollen om uit te proberen</legend>
              {[
                ['coordinator', 'Coördinator van deze organisatie'],
                ['pmm', 'PMM-desk'],
                ['beheerder', 'Beheerder'],
              ].map(([value, label]) => (
                <p>
                  <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`rol-${value}`} name="rollen" value={value} checked={(waarden.rollen ?? '').split(',').includes(value!)} />
                  <label for={`rol-${value}`}>{label}</label>
                </p>
              ))}
            </fieldset>
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              Inloggen
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** Names people recognise for the usual `acr` values (eIDAS levels, eHerkenning); others are shown as they are. */
const LEVEL_NAMES: Record<string, string> = {
  'http://eidas.europa.eu/LoA/low': 'eIDAS laag',
  'http://eidas.europa.eu/LoA/substantial': 'eIDAS substantieel',
  'http://eidas.europa.eu/LoA/high': 'eIDAS hoog',
  'urn:etoegang:core:assurance-class:loa2': 'eHerkenning EH2',
  'urn:etoegang:core:assurance-class:loa2plus': 'eHerkenning EH2+',
  'urn:etoegang:core:assurance-class:loa3': 'eHerkenning EH3',
  'urn:etoegang:core:assurance-class:loa4': 'eHerkenning EH4',
};

function Niveau({ value }: { value: string }) {
  const name = LEVEL_NAMES[value];
  return name ? <span title={value}>{name}</span> : <code>{value}</code>;
}

/**
 * The refusal of a sign-in that worked at the organisation's provider but below the level the register asks
 * (`OIDC_ACR_VALUES`, `OIDC_AMR_VALUES`): what was asked, what came, and how to sign in again at that level. No
 * session is made.
 */
export function InlogNiveauTeLaagPagina({ terug, shortfall }: { terug: string; shortfall: SignInShortfall }) {
  const again = `/inloggen/oidc?terug=${encodeURIComponent(terug)}&opnieuw=ja`;
  return (
    <Layout titel="Inloggen niet sterk genoeg">
      <h1 class="utrecht-heading-1">Je inlogmethode is niet sterk genoeg</h1>
      <div class="mr-melding mr-melding--fout" role="alert">
        {shortfall.kind === 'acr' ? (
          <p>
            Je organisatie heeft je aangemeld{' '}
            {shortfall.got ? (
              <>
                op betrouwbaarheidsniveau <Niveau value={shortfall.got} />
              </>
            ) : (
              'zonder een betrouwbaarheidsniveau te noemen'
            )}
            . Het Maatwerkregister vraagt minstens{' '}
            {shortfall.accepted.map((value, index) => (
              <>
                {index > 0 && (index === shortfall.accepted.length - 1 ? ' of ' : ', ')}
                <Niveau value={value} />
              </>
            ))}
            .
          </p>
        ) : (
          <p>Je organisatie heeft je aangemeld zonder tweede stap. Het Maatwerkregister vraagt inloggen in twee stappen (meerfactorauthenticatie).</p>
        )}
      </div>
      <p>
        Je bent daarom niet ingelogd. Het register toont werkgegevens van collega's bij veel organisaties; de Baseline
        Informatiebeveiliging Overheid vraagt daarvoor een sterkere aanmelding.
      </p>
      <h2 class="utrecht-heading-2">Wat kun je doen?</h2>
      <ul>
        <li>
          {shortfall.kind === 'acr'
            ? 'Log opnieuw in en kies bij je organisatie een sterkere inlogmethode, bijvoorbeeld met een authenticator-app of een beveiligingssleutel.'
            : 'Log opnieuw in en bevestig met je tweede stap, bijvoorbeeld een code uit een authenticator-app of een beveiligingssleutel.'}
        </li>
        <li>Heb je zo'n methode nog niet? Vraag de servicedesk van je organisatie om die in te stellen.</li>
      </ul>
      <p>
        <a class="utrecht-button-link utrecht-button-link--primary-action mr-knoplink" href={again}>
          Opnieuw inloggen via je organisatie
        </a>
      </p>
      <p class="mr-aantal">Foutcode 403</p>
    </Layout>
  );
}
