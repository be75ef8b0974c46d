import type { Principal } from '../../auth/principal.js';
import type { Config } from '../../config.js';
import type { VerklaringenConfig } from '../../config-verklaringen.js';
import { displayDate } from '../format.js';
import { Layout } from '../layout.js';
import { NALEVINGSSTATUS, toegankelijkheid } from '../toegankelijkheid.js';

/** A contact setting (an e-mail address or an https link) as a link. */
function Contact({ value }: { value: string }) {
  return (
    <a class="utrecht-link" href={value.includes('@') && !value.startsWith('https://') ? `mailto:${value}` : value}>
      {value}
    </a>
  );
}

export interface VerklaringProps {
  principal: Principal | null;
  csrfToken: string;
  verklaringen: VerklaringenConfig;
  /** Where this register is reached, for the statement's scope. */
  publicUrl: string;
}

/**
 * The accessibility statement after the model of Digitoegankelijk: scope, compliance status, evaluation, measures,
 * known issues, feedback and contact, the enforcement procedure, and when it was drawn up. The facts come from
 * `toegankelijkheid.ts`, which a test holds to the truth.
 */
export function ToegankelijkheidPagina({ principal, csrfToken, verklaringen, publicUrl }: VerklaringProps) {
  const organisatie = verklaringen.verwerkingsverantwoordelijke.naam;
  const t = toegankelijkheid;
  return (
    <Layout titel="Toegankelijkheidsverklaring" principal={principal} csrfToken={csrfToken}>
      <h1 class="utrecht-heading-1">Toegankelijkheidsverklaring</h1>
      <p>
        {capitalize(organisatie)} wil dat iedereen het Maatwerkregister kan gebruiken, ook met een beperking. Overheidswebsites moeten
        daarvoor voldoen aan {t.standaard}, volgens het Besluit digitale toegankelijkheid overheid.
      </p>
      <p>
        Deze verklaring geldt voor het Maatwerkregister op <span class="mr-url">{publicUrl}</span>: de zoekpagina, de pagina’s van
        vermeldingen en organisaties, je eigen vermelding, coördinatie, casusroutering en inzichten, en het inloggen.
      </p>

      <h2 class="utrecht-heading-2" id="nalevingsstatus">Nalevingsstatus</h2>
      <p>
        Status {t.status}: <strong>{NALEVINGSSTATUS[t.status]}</strong>. {capitalize(organisatie)} heeft maatregelen genomen om aan{' '}
        {t.standaard} te voldoen, maar heeft nog niet volledig laten onderzoeken of het register daar helemaal aan voldoet. Er zijn
        bekende beperkingen; die staan hieronder.
      </p>

      <h2 class="utrecht-heading-2" id="onderzoek">Onderzoek</h2>
      <p>{t.onderzoek.toelichting}</p>
      <p>Gepland: {t.onderzoek.gepland}</p>

      <h2 class="utrecht-heading-2" id="maatregelen">Maatregelen</h2>
      <ul>
        {t.maatregelen.map((maatregel) => (
          <li>{maatregel.tekst}</li>
        ))}
      </ul>

      <h2 class="utrecht-heading-2" id="bekende-beperkingen">Bekende beperkingen</h2>
      {t.bekendeBeperkingen.length > 0 ? (
        <p>Deze onderdelen zijn nog niet (goed genoeg) toegankelijk:</p>
      ) : (
        <p>
          We kennen op dit moment geen onderdelen die niet toegankelijk zijn.
          {t.onderzoek.uitgevoerd ? ' ' : ' Omdat een volledig onderzoek nog ontbreekt, kunnen er beperkingen zijn die we niet kennen. '}
          Loop je ergens tegenaan, laat het ons weten.
        </p>
      )}
      {t.bekendeBeperkingen.map((beperking, index) => (
        <section class="mr-verklaring-punt" aria-labelledby={`beperking-${index + 1}`}>
          <h3 class="utrecht-heading-3" id={`beperking-${index + 1}`}>
            {beperking.probleem}
          </h3>
          <dl>
            <dt>Succescriterium</dt>
            <dd>{beperking.criterium ?? 'Geen WCAG-fout, wel een belemmering in het gebruik'}</dd>
            <dt>Gevolg</dt>
            <dd>{beperking.gevolg}</dd>
            <dt>Wat we doen</dt>
            <dd>{beperking.aanpak}</dd>
          </dl>
        </section>
      ))}

      <h2 class="utrecht-heading-2" id="contact">Feedback en contact</h2>
      <p>
        Loop je tegen een toegankelijkheidsprobleem aan, of kun je iets niet gebruiken? Laat het ons weten via{' '}
        <Contact value={verklaringen.toegankelijkheid.contact} />. Je krijgt binnen vijf werkdagen een ontvangstbevestiging, en binnen
        drie weken hoor je wat we eraan doen.
      </p>

      <h2 class="utrecht-heading-2" id="handhavingsprocedure">Handhavingsprocedure</h2>
      <p>
        Ben je niet tevreden over hoe we je melding hebben behandeld, of krijg je geen antwoord? Dan kun je een klacht indienen bij de{' '}
        <a class="utrecht-link" href="https://www.nationaleombudsman.nl">
          Nationale ombudsman
        </a>
        {' '}(of bij de ombudsman van je gemeente, als een gemeente het register beheert).
      </p>

      <h2 class="utrecht-heading-2" id="opstellen">Opstellen van deze verklaring</h2>
      <p>
        Deze verklaring is opgesteld op {displayDate(t.opgesteld)} en voor het laatst herzien op {displayDate(t.herzien)}. We herzien haar
        minstens eens per jaar, en zodra een beperking is opgelost of gevonden.
      </p>
      <p>
        {verklaringen.toegankelijkheid.registerUrl ? (
          <a class="utrecht-link" href={verklaringen.toegankelijkheid.registerUrl}>
            Deze verklaring in het register van Digitoegankelijk
          </a>
        ) : (
          'Deze verklaring staat nog niet in het register van Digitoegankelijk; de beherende organisatie neemt haar daarin op bij ingebruikname.'
        )}
      </p>
    </Layout>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export interface PrivacyProps extends VerklaringProps {
  termijnen: Config['termijnen'];
  zoeklogBewaarDagen: number;
  /** How long the record of a sent reminder is kept (MAIL_BEWAAR_DAGEN). */
  mailBewaarDagen: number;
}

interface Doel {
  titel: string;
  gegevens: string;
  grondslag: string;
  bewaartermijn: string;
}

/**
 * The privacy statement: the controller, what is processed for which purpose on which legal basis and for how
 * long (the periods from the configuration, so they stay true), who sees it, the person's rights with the export as
 * a download, the data protection officer, and the complaint route to the Autoriteit Persoonsgegevens.
 */
export function PrivacyPagina({ principal, csrfToken, verklaringen, termijnen, zoeklogBewaarDagen, mailBewaarDagen }: PrivacyProps) {
  const verantwoordelijke = verklaringen.verwerkingsverantwoordelijke;
  const maanden = (n: number) => (n === 1 ? '1 maand' : `${n} maanden`);
  const doelen: Doel[] = [
    {
      titel: 'Collega’s elkaar laten vinden voor maatwerk',
      gegevens:
        'Je vermelding: naam, functie, afdeling, organisatie, rolniveau, expertise, trefwoorden, werkgebied, werk-e-mailadres, werktelefoon, bereikbaarheid en een korte toelichting.',
      grondslag:
        'Uitvoering van een taak van algemeen belang (artikel 6 lid 1 onder e AVG): overheidsorganisaties leveren samen maatwerk, en daarvoor moeten hun professionals elkaar kunnen vinden.',
      bewaartermijn: `Zolang je je vermelding bevestigt. Is ze ${maanden(termijnen.bevestigingMaanden)} niet bevestigd, dan is ze niet meer vindbaar; ${maanden(termijnen.retentieMaanden)} later wordt ze verwijderd. Verwijder je haar zelf, dan is ze meteen weg, ook uit de zoekindex.`,
    },
    {
      titel: 'Inloggen en toegang',
      gegevens:
        'Wat je organisatie bij het inloggen over je meegeeft: een kenmerk, je naam, je werk-e-mailadres en je organisatie; en je rollen (coördinator, PMM-desk, beheerder).',
      grondslag: 'Taak van algemeen belang (artikel 6 lid 1 onder e AVG) en de plicht om persoonsgegevens te beveiligen (artikel 32 AVG).',
      bewaartermijn: 'Je sessie geldt zolang het bewijs van je organisatie geldig is; daarna log je opnieuw in. Rollen blijven tot ze worden ingetrokken of je organisatie je uitschrijft.',
    },
    {
      titel: 'Herinneringen om je vermelding actueel te houden',
      gegevens: 'Je naam en werk-e-mailadres, en wanneer welke herinnering is verstuurd.',
      grondslag: 'Taak van algemeen belang (artikel 6 lid 1 onder e AVG): een register met verouderde gegevens helpt niemand.',
      bewaartermijn: `${mailBewaarDagen} dagen na het versturen; daarna wordt de administratie van die mail verwijderd. Dat een herinnering al is gestuurd, blijft bewaard zolang je vermelding bestaat, zodat je hem niet twee keer krijgt.`,
    },
    {
      titel: 'Verantwoording en beveiliging',
      gegevens:
        'Het auditlog: welke wijziging of casusroutering wanneer door wie (als kenmerk) is gedaan, zonder namen of contactgegevens. Het verwerkingslog: welke vermelding door wie is geraadpleegd, geëxporteerd of verwijderd.',
      grondslag: 'Wettelijke verplichting (artikel 6 lid 1 onder c AVG): de verantwoordingsplicht en de beveiligingsplicht (artikelen 5 lid 2 en 32 AVG).',
      bewaartermijn: 'Het auditlog kan niet worden gewijzigd of ingekort, zodat het betrouwbaar blijft; het bevat alleen kenmerken. Het verwerkingslog zolang de beheerder de logbestanden bewaart.',
    },
    {
      titel: 'Zoeken verbeteren',
      gegevens: 'Zoekopdrachten: de zoektekst, de filters, het aantal resultaten en de organisatie van wie zocht, maar niet wie het was.',
      grondslag: 'Taak van algemeen belang (artikel 6 lid 1 onder e AVG): zien welke expertise in het register ontbreekt.',
      bewaartermijn: `${zoeklogBewaarDagen} dagen.`,
    },
  ];
  return (
    <Layout titel="Privacyverklaring" principal={principal} csrfToken={csrfToken}>
      <h1 class="utrecht-heading-1">Privacyverklaring</h1>
      <p>
        Het Maatwerkregister bevat alleen werkgegevens van professionals bij overheidsorganisaties. Nooit gegevens van inwoners of
        cliënten: de formulieren vragen daar niet om, en de casusroutering neemt alleen organisaties en expertisegebieden aan.
      </p>

      <h2 class="utrecht-heading-2" id="verantwoordelijke">Wie is verantwoordelijk</h2>
      <p>
        Verwerkingsverantwoordelijke is {verantwoordelijke.naam}
        {verantwoordelijke.adres ? `, ${verantwoordelijke.adres}` : ''}. Contact: <Contact value={verantwoordelijke.contact} />.
      </p>

      <h2 class="utrecht-heading-2" id="doelen">Waarvoor we welke gegevens gebruiken</h2>
      {doelen.map((doel, index) => (
        <section class="mr-verklaring-punt" aria-labelledby={`doel-${index + 1}`}>
          <h3 class="utrecht-heading-3" id={`doel-${index + 1}`}>
            {doel.titel}
          </h3>
          <dl>
            <dt>Gegevens</dt>
            <dd>{doel.gegevens}</dd>
            <dt>Grondslag</dt>
            <dd>{doel.grondslag}</dd>
            <dt>Bewaartermijn</dt>
            <dd>{doel.bewaartermijn}</dd>
          </dl>
        </section>
      ))}

      <h2 class="utrecht-heading-2" id="ontvangers">Wie je gegevens ziet</h2>
      <p>
        Alleen ingelogde professionals van overheidsorganisaties, en alleen wat de zichtbaarheid van je vermelding toestaat (alle
        professionals, je eigen organisatie, of alleen de PMM-desk). De coördinatoren van je organisatie en de beheerders kunnen je
        vermelding bijhouden. We geven je gegevens niet aan anderen, en er worden geen besluiten over je genomen door een computer.
      </p>

      <h2 class="utrecht-heading-2" id="rechten">Je rechten</h2>
      <p>
        Je mag alles inzien wat het register over je bewaart, het laten corrigeren, je vermelding verwijderen, en bezwaar maken tegen
        het gebruik van je gegevens. Je vermelding bijwerken of verwijderen doe je zelf op{' '}
        <a class="utrecht-link" href="/mijn-vermelding">
          Mijn vermelding
        </a>
        .
      </p>
      {principal ? (
        <p>
          <a class="utrecht-button-link utrecht-button-link--primary-action mr-knoplink" href="/mijn-vermelding/gegevens" download="maatwerkregister-mijn-gegevens.json">
            Download al je gegevens (JSON)
          </a>
        </p>
      ) : (
        <p>
          <a class="utrecht-link" href="/inloggen?terug=%2Fprivacy">
            Log in
          </a>{' '}
          om al je gegevens te downloaden (JSON).
        </p>
      )}

      <h2 class="utrecht-heading-2" id="fg">Functionaris gegevensbescherming</h2>
      <p>
        Vragen over hoe we met je gegevens omgaan, of wil je een recht gebruiken dat je niet zelf op de site kunt regelen? Neem contact
        op met {verklaringen.fg.naam}: <Contact value={verklaringen.fg.contact} />.
      </p>

      <h2 class="utrecht-heading-2" id="klacht">Klacht</h2>
      <p>
        Ben je het niet eens met hoe we met je gegevens omgaan? Meld het eerst bij de functionaris gegevensbescherming. Kom je er samen
        niet uit, dan kun je een klacht indienen bij de{' '}
        <a class="utrecht-link" href="https://www.autoriteitpersoonsgegevens.nl">
          Autoriteit Persoonsgegevens
        </a>
        .
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
  sessieOnbekend?: boolean;
}

export function FoutPagina({ principal, csrfToken, status, titel, uitleg, aanvulling, opnieuw, sessieOnbekend }: FoutPaginaProps) {
  return (
    <Layout titel={titel} principal={principal} csrfToken={csrfToken} sessieOnbekend={sessieOnbekend}>
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
