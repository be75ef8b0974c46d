import type { FastifyInstance } from 'fastify';
import { confirmByLink, inspectLink, type LinkState } from '../herinneringen/links.js';
import { Layout } from './layout.js';
import { sendPage } from './render.js';

/**
 * The page a reminder links to. Opening it (GET) changes nothing — mail scanners and previews open links too; the one
 * button posts, and only that confirms the entry ("nog actueel"). No sign-in: the link itself is the permission, for
 * one entry, once, for a limited time. Nothing else can be done here.
 */

const uitleg: Record<Exclude<LinkState['status'], 'geldig'>, { titel: string; tekst: string; status: number }> = {
  onbekend: { titel: 'Link niet geldig', tekst: 'Deze link is niet (meer) geldig. Log in en bevestig je vermelding via Mijn vermelding.', status: 404 },
  verlopen: { titel: 'Link verlopen', tekst: 'Deze link is verlopen. Log in en bevestig je vermelding via Mijn vermelding.', status: 410 },
  gebruikt: { titel: 'Al bevestigd', tekst: 'Deze link is al gebruikt: de vermelding is bevestigd als actueel. Je hoeft niets meer te doen.', status: 410 },
  'al-bevestigd': { titel: 'Al bevestigd', tekst: 'Deze vermelding is na het versturen van de herinnering al bevestigd. Je hoeft niets meer te doen.', status: 410 },
};

function LinkPagina({ state, token, csrfToken, bevestigd }: { state: LinkState; token: string; csrfToken: string; bevestigd?: boolean }) {
  if (bevestigd && state.status === 'geldig') {
    return (
      <Layout titel="Bevestigd">
        <h1 class="utrecht-heading-1">Bedankt, de vermelding is bevestigd</h1>
        <p role="status">
          "{state.entry.naam}" ({state.entry.organisatieNaam}) staat weer als actueel in het Maatwerkregister en blijft vindbaar voor collega's.
        </p>
        <p>
          Wil je iets wijzigen? <a class="utrecht-link" href="/mijn-vermelding">Log in en ga naar Mijn vermelding</a>.
        </p>
      </Layout>
    );
  }
  if (state.status !== 'geldig') {
    const { titel, tekst } = uitleg[state.status];
    return (
      <Layout titel={titel}>
        <h1 class="utrecht-heading-1">{titel}</h1>
        <p>{tekst}</p>
        <p>
          <a class="utrecht-link" href="/mijn-vermelding">
            Naar Mijn vermelding
          </a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout titel="Vermelding bevestigen">
      <h1 class="utrecht-heading-1">Is deze vermelding nog actueel?</h1>
      <dl>
        <dt>Vermelding</dt>
        <dd>{state.entry.naam}</dd>
        <dt>Functie</dt>
        <dd>{state.entry.functie}</dd>
        <dt>Organisatie</dt>
        <dd>{state.entry.organisatieNaam}</dd>
      </dl>
      <p>Klopt alles nog? Druk dan op de knop. Er verandert verder niets; wil je iets wijzigen, log dan in en ga naar Mijn vermelding.</p>
      <form method="post" action={`/herinnering/${token}`}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          Nog actueel
        </button>
      </form>
    </Layout>
  );
}

export async function herinneringRoutes(app: FastifyInstance) {
  const noStore = { 'Cache-Control': 'no-store' };
  app.get('/herinnering/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const state = await inspectLink(app.db, token);
    reply.headers(noStore);
    return sendPage(reply, <LinkPagina state={state} token={token} csrfToken={reply.generateCsrf()} />, state.status === 'geldig' ? 200 : uitleg[state.status].status);
  });
  app.post('/herinnering/:token', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const state = await confirmByLink(app.db, token, { herkomst: `web:${request.id}` });
    reply.headers(noStore);
    return sendPage(reply, <LinkPagina state={state} token={token} csrfToken="" bevestigd />, state.status === 'geldig' ? 200 : uitleg[state.status].status);
  });
}
