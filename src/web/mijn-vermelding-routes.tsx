import { asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { expertisegebieden } from '../../db/schema/index.js';
import type { Principal } from '../auth/principal.js';
import { fieldsOf, isFormError } from '../domain-errors.js';
import type { InvalidParam } from '../http/problem.js';
import { personalData } from '../mij/personal-data.js';
import { findEntries, toView } from '../professionals/repository.js';
import { professionalCreateSchema, professionalPatchSchema } from '../professionals/schemas.js';
import { claimProfessional, confirmProfessional, createProfessional, deleteProfessional, updateProfessional, type ServiceContext } from '../professionals/service.js';
import { MijnVermeldingPagina, valuesOf } from './pages/mijn-vermelding.js';
import { formToInput, type FormValues } from './pages/vermelding-formulier.js';
import { sendPage } from './render.js';

type WebPrincipal = (request: FastifyRequest, reply: FastifyReply) => Promise<Principal | null>;

const messages: Record<string, string> = {
  opgeslagen: 'Je gegevens zijn opgeslagen.',
  bevestigd: 'Bedankt: je vermelding is bevestigd als actueel.',
  geclaimd: 'De vermelding is nu van jou; je kunt haar zelf bijhouden.',
  verwijderd: 'Je vermelding is verwijderd.',
};

/** /mijn-vermelding: the professional's own entry, on the same services as the API. */
export async function mijnVermeldingRoutes(app: FastifyInstance, webPrincipal: WebPrincipal) {
  const context = (principal: Principal, request: FastifyRequest): ServiceContext => ({
    db: app.db,
    principal,
    audit: { actor: principal, herkomst: `web:${request.id}` },
    termijnen: app.config.termijnen,
  });
  const taxonomy = () =>
    app.db.select({ code: expertisegebieden.code, naam: expertisegebieden.naam, categorie: expertisegebieden.categorie }).from(expertisegebieden).where(eq(expertisegebieden.actief, true)).orderBy(asc(expertisegebieden.volgorde));
  const ownEntry = async (principal: Principal) => {
    const [entry] = await findEntries(app.db, sql`p.eigenaar_issuer = ${principal.issuer} AND p.eigenaar_subject = ${principal.subject}`);
    return entry ? toView(entry, app.config.termijnen, new Date()) : null;
  };
  const claimable = async (principal: Principal) =>
    principal.email
      ? (await findEntries(app.db, sql`p.eigenaar_subject IS NULL AND p.soort = 'persoon' AND p.email = ${principal.email.toLowerCase()} AND p.organisatie_code = ${principal.organisatie}`)).map((e) =>
          toView(e, app.config.termijnen, new Date()),
        )
      : [];

  const render = async (request: FastifyRequest, reply: FastifyReply, principal: Principal, options: { values?: FormValues; errors?: InvalidParam[]; status?: number; melding?: string } = {}) => {
    const entry = await ownEntry(principal);
    return sendPage(
      reply,
      <MijnVermeldingPagina
        principal={principal}
        csrfToken={reply.generateCsrf()}
        entry={entry}
        claimable={entry ? [] : await claimable(principal)}
        taxonomy={await taxonomy()}
        values={options.values ?? (entry ? valuesOf(entry) : { email: principal.email ?? '', naam: principal.naam ?? '' })}
        errors={options.errors ?? []}
        melding={options.melding ?? messages[(request.query as { melding?: string }).melding ?? '']}
      />,
      options.status ?? (options.errors?.length ? 400 : 200),
    );
  };

  const requireSignIn = async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = await webPrincipal(request, reply);
    if (!principal) {
      await reply.redirect(`/inloggen?terug=${encodeURIComponent('/mijn-vermelding')}`, 303);
      return null;
    }
    return principal;
  };

  app.get('/mijn-vermelding', async (request, reply) => {
    const principal = await requireSignIn(request, reply);
    return principal ? render(request, reply, principal) : reply;
  });

  app.post('/mijn-vermelding', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await requireSignIn(request, reply);
    if (!principal) return reply;
    const body = request.body as Record<string, string | string[]>;
    const values = body as FormValues;
    const existing = await ownEntry(principal);
    const input = formToInput(body, existing ? 'update' : 'create');
    const parsed = (existing ? professionalPatchSchema : professionalCreateSchema).safeParse(input);
    if (!parsed.success) {
      return render(request, reply, principal, { values, errors: parsed.error.issues.map((i) => ({ name: i.path.join('.'), code: i.code, reason: i.message })) });
    }
    try {
      if (existing) await updateProfessional(context(principal, request), existing.id, Number(body.versie), parsed.data as never);
      else await createProfessional(context(principal, request), parsed.data as never);
    } catch (error) {
      if (isFormError(error)) return render(request, reply, principal, { values, errors: fieldsOf(error) });
      throw error;
    }
    return reply.redirect('/mijn-vermelding?melding=opgeslagen', 303);
  });

  app.post('/mijn-vermelding/bevestiging', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await requireSignIn(request, reply);
    if (!principal) return reply;
    const entry = await ownEntry(principal);
    if (entry) await confirmProfessional(context(principal, request), entry.id);
    return reply.redirect('/mijn-vermelding?melding=bevestigd', 303);
  });

  app.post('/mijn-vermelding/claim/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await requireSignIn(request, reply);
    if (!principal) return reply;
    await claimProfessional(context(principal, request), (request.params as { id: string }).id);
    return reply.redirect('/mijn-vermelding?melding=geclaimd', 303);
  });

  app.post('/mijn-vermelding/verwijderen', { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await requireSignIn(request, reply);
    if (!principal) return reply;
    const entry = await ownEntry(principal);
    if ((request.body as { zeker?: string }).zeker !== 'ja') {
      return render(request, reply, principal, { errors: [{ name: 'verwijderen', code: 'required', reason: 'Vink aan dat je je vermelding echt wilt verwijderen.' }] });
    }
    if (entry) await deleteProfessional(context(principal, request), entry.id);
    return reply.redirect('/mijn-vermelding?melding=verwijderd', 303);
  });

  app.get('/mijn-vermelding/gegevens', async (request, reply) => {
    const principal = await requireSignIn(request, reply);
    if (!principal) return reply;
    const data = await personalData(context(principal, request));
    return reply
      .type('application/json; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="maatwerkregister-mijn-gegevens.json"')
      .send(JSON.stringify(data, null, 2));
  });
}
