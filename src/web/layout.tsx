import type { ComponentChildren } from 'preact';
import type { Principal } from '../auth/principal.js';
import { assetUrl } from './assets.js';

export interface LayoutProps {
  titel: string;
  principal?: Principal | null;
  csrfToken?: string;
  children: ComponentChildren;
  /** Page scripts (progressive enhancement only). */
  scripts?: string[];
  /** Who is signed in could not be checked (a dependency is down): offer no "Inloggen" to someone who may be. */
  sessieOnbekend?: boolean;
  /** Without JavaScript, reload the page after this many seconds (a page that shows work in progress). */
  verversen?: number | undefined;
  /** The page shows errors to fix: the title says so first, as it is the first thing a screen reader reads. */
  fout?: boolean;
}

/** The frame of every page: skip link, header with navigation, main, footer. Dutch, landmarks, one h1 per page. */
export function Layout({ titel, principal, csrfToken, children, scripts = [], sessieOnbekend = false, verversen, fout = false }: LayoutProps) {
  return (
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${fout ? 'Fout: ' : ''}${titel} · Maatwerkregister`}</title>
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('utrecht.css')} />
        <link rel="stylesheet" href={assetUrl('tokens.css')} />
        <link rel="stylesheet" href={assetUrl('site.css')} />
        {scripts.map((src) => (
          <script src={assetUrl(src)} defer />
        ))}
        {verversen !== undefined && (
          <noscript>
            <meta http-equiv="refresh" content={String(verversen)} />
          </noscript>
        )}
      </head>
      <body class="utrecht-document utrecht-document--surface maatwerkregister-theme">
        <a class="mr-skiplink utrecht-link" href="#inhoud">
          Direct naar de inhoud
        </a>
        <header class="mr-header">
          <div class="mr-header__inner">
            <a class="mr-logo" href="/">
              Maatwerkregister
            </a>
            <nav class="mr-nav" aria-label="Hoofdmenu">
              <ul>
                <li>
                  <a href="/">Zoeken</a>
                </li>
                {principal && (
                  <li>
                    <a href="/organisaties">Organisaties</a>
                  </li>
                )}
                {principal && (
                  <li>
                    <a href="/mijn-vermelding">Mijn vermelding</a>
                  </li>
                )}
                {principal?.rollen.some((r) => r.rol === 'coordinator' || r.rol === 'beheerder') && (
                  <li>
                    <a href="/coordinatie">Coördinatie</a>
                  </li>
                )}
                {principal?.rollen.length ? (
                  <>
                    <li>
                      <a href="/casusroutering">Casusroutering</a>
                    </li>
                    <li>
                      <a href="/inzichten">Inzichten</a>
                    </li>
                  </>
                ) : null}
                {principal ? (
                  <li>
                    <form method="post" action="/uitloggen">
                      <input type="hidden" name="_csrf" value={csrfToken} />
                      <button type="submit">Uitloggen{principal.naam ? ` (${principal.naam})` : ''}</button>
                    </form>
                  </li>
                ) : sessieOnbekend ? null : (
                  <li>
                    <a href="/inloggen">Inloggen</a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="inhoud" class="mr-main" tabindex={-1}>
          {children}
        </main>
        <footer class="mr-footer">
          <div class="mr-footer__inner">
            <ul>
              <li>
                <a class="utrecht-link" href="/toegankelijkheid">
                  Toegankelijkheid
                </a>
              </li>
              <li>
                <a class="utrecht-link" href="/privacy">
                  Privacy
                </a>
              </li>
              <li>
                <a class="utrecht-link" href="/api/v1/openapi.json">
                  API (OpenAPI)
                </a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}
