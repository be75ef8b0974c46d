import type { Principal } from '../../auth/principal.js';
import { Layout } from '../layout.js';

export function ToegankelijkheidPagina({ principal, csrfToken }: { principal: Principal | null; csrfToken: string }) {
  return (
    <Layout titel="Toegankelijkheid" principal={principal} csrfToken={csrfToken}>
      <h1 class="utrecht-heading-1">Toegankelijkheidsverklaring</h1>
      <p>
        Het Maatwerkregister wil voor iedereen bruikbaar zijn. Overheidswebsites moeten voldoen aan de Web Content Accessibility
        Guidelines (WCAG) 2.1 op niveau AA (Besluit digitale toegankelijkheid overheid).
      </p>
      <h2 class="utrecht-heading-2">Hoe we dat controleren</h2>
      <ul>
        <li>Elke pagina wordt bij elke wijziging automatisch getoetst met axe-core in een echte browser.</li>
        <li>De pagina's werken zonder JavaScript en met alleen het toetsenbord; de focus is altijd zichtbaar.</li>
        <li>De pagina's zijn bruikbaar vanaf 320 pixels breed en bij 200% zoom.</li>
      </ul>
      <h2 class="utrecht-heading-2">Bekende beperkingen</h2>
      <p>Deze omgeving is in ontwikkeling. Nog niet alle schermen (eigen vermelding, coördinatie, casusroutering) zijn als pagina beschikbaar; ze werken wel via de API.</p>
      <h2 class="utrecht-heading-2">Contact</h2>
      <p>Loop je tegen een probleem aan? Mail de beheerder via beheer@maatwerkregister.nl. We reageren binnen vijf werkdagen.</p>
    </Layout>
  );
}

export function PrivacyPagina({ principal, csrfToken }: { principal: Principal | null; csrfToken: string }) {
  return (
    <Layout titel="Privacy" principal={principal} csrfToken={csrfToken}>
      <h1 class="utrecht-heading-1">Privacyverklaring</h1>
      <h2 class="utrecht-heading-2">Wat we verwerken</h2>
      <p>
        Alleen werkgegevens van professionals: naam, functie, afdeling, organisatie, rolniveau, expertise, werkgebied,
        werk-e-mailadres, werktelefoon, bereikbaarheid en een korte toelichting. Nooit gegevens van inwoners of cliënten: de
        formulieren vragen daar niet om en de casusroutering neemt alleen organisaties en expertisegebieden aan.
      </p>
      <h2 class="utrecht-heading-2">Waarom</h2>
      <p>Zodat professionals die maatwerk leveren elkaar over organisaties heen snel kunnen vinden, op het juiste niveau.</p>
      <h2 class="utrecht-heading-2">Hoe lang</h2>
      <p>
        Een vermelding die twaalf maanden niet is bevestigd, is niet meer vindbaar en wordt zes maanden later verwijderd.
        Zoekvragen (zonder wie zocht) bewaren we 90 dagen. Het auditlog bewaart alleen kenmerken van wijzigingen.
      </p>
      <h2 class="utrecht-heading-2">Je rechten</h2>
      <p>
        Je kunt alles inzien en exporteren wat het register over je bewaart (<code>GET /api/v1/mij/gegevens</code>), je
        vermelding corrigeren en verwijderen. Na verwijderen is je vermelding weg uit het register en uit de zoekindex.
      </p>
    </Layout>
  );
}

export interface FoutPaginaProps {
  principal: Principal | null;
  csrfToken: string;
  status: number;
  titel: string;
  uitleg: string;
  /** A second sentence, e.g. that the session is kept. */
  aanvulling?: string;
  /** The page to try again (a GET), for a failure that passes. */
  opnieuw?: string;
}

export function FoutPagina({ principal, csrfToken, status, titel, uitleg, aanvulling, opnieuw }: FoutPaginaProps) {
  return (
    <Layout titel={titel} principal={principal} csrfToken={csrfToken}>
      <h1 class="utrecht-heading-1">{titel}</h1>
      <p>{uitleg}</p>
      {aanvulling && <p>{aanvulling}</p>}
      <ul>
        {opnieuw && (
          <li>
            <a class="utrecht-link" href={opnieuw}>
              Opnieuw proberen
            </a>
          </li>
        )}
        <li>
          <a class="utrecht-link" href="/">
            Naar zoeken
          </a>
        </li>
      </ul>
      <p class="mr-aantal">Foutcode {status}</p>
    </Layout>
  );
}
