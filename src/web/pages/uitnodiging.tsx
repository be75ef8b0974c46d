import type { ProfessionalView } from '../../professionals/schemas.js';

/**
 * The invitation on the home page for someone without an entry: take over the entry the coordinator made (a form
 * per entry, to the claim route of /mijn-vermelding), or make one. Works without JavaScript.
 */
export function EigenVermeldingUitnodiging({ claimable, csrfToken }: { claimable: ProfessionalView[]; csrfToken: string }) {
  return (
    <section class="mr-melding mr-uitnodiging" aria-labelledby="uitnodiging-titel">
      <h2 class="utrecht-heading-2" id="uitnodiging-titel">
        {claimable.length > 0 ? 'Er staat al een vermelding voor je klaar' : 'Je staat nog niet in het register'}
      </h2>
      {claimable.length > 0 ? (
        <>
          <p>
            De coördinator van je organisatie heeft een vermelding gemaakt met jouw werk-e-mailadres. Neem haar over, dan houd je
            haar voortaan zelf bij en krijg je een herinnering als ze bevestigd moet worden.
          </p>
          <ul class="mr-uitnodiging__lijst">
            {claimable.map((entry) => (
              <li>
                <form method="post" action={`/mijn-vermelding/claim/${entry.id}`}>
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <p>
                    <strong>{entry.naam}</strong>, {entry.functie} bij {entry.organisatie.naam}
                  </p>
                  <button class="utrecht-button utrecht-button--primary-action" type="submit">
                    Deze vermelding overnemen<span class="mr-visueel-verborgen"> ({entry.naam})</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <p>
            Klopt er iets niet, of ben jij het niet? Je kunt ook{' '}
            <a class="utrecht-link" href="/mijn-vermelding">
              zelf een vermelding maken
            </a>
            .
          </p>
        </>
      ) : (
        <>
          <p>
            Maak je vermelding, zodat collega's bij andere organisaties je kunnen vinden op je expertise en je niveau. Het kost een
            paar minuten; alleen werkgegevens, nooit gegevens van inwoners.
          </p>
          <p>
            <a class="utrecht-button-link utrecht-button-link--primary-action mr-knoplink" href="/mijn-vermelding">
              Maak je vermelding
            </a>
          </p>
        </>
      )}
    </section>
  );
}
