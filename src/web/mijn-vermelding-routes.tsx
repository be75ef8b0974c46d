import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { fieldsOf, isFormError } from '../domain-errors.js';
import { listExpertisegebieden } from '../expertisegebieden/service.js';
import type { InvalidParam } from '../http/problem.js';
import { personalData } from '../mij/personal-data.js';
import { getOwnEntry, listClaimableEntries } from '../professionals/own-entry.js';
import { checkEntryInput } from '../professionals/entry-input.js';
import { professionalCreateSchema, professionalPatchSchema } from '../professionals/schemas.js';
import { listWerkgebiedOpties } from '../professionals/references.js';
import { claimProfessional, confirmProfessional, createProfessional, deleteProfessional, updateProfessional } from '../professionals/service.js';
import { MijnVermeldingPagina, valuesOf } from './pages/mijn-vermelding.js';
import { EntryChangedError } from '../professionals/edit-conflict.js';
import { conflictOf } from './pages/wijzigingsconflict.js';
import { formToInput, type FormValues } from './pages/vermelding-formulier.js';
import { sendPage } from './render.js';
import { pageContext, signedIn } from './request-frame.js';
import { entryIdParams, formVersie, parseParams } from './route-params.js';

const messages: Record<string, string> = {
  opgeslagen: 'Je gegevens zijn opgeslagen.',
  bevestigd: 'Bedankt: je vermelding is bevestigd als actueel.',
  geclaimd: 'De vermelding is nu van jou; je kunt haar zelf bijhouden.',
  verwijderd: 'Je vermelding is verwijderd.',
};

/** After signing in, every /mijn-vermelding action returns to the page itself. */
const PAGE = '/mijn-vermelding';

/** /mijn-vermelding: the professional's own entry, on the same services as the API. */
export async function mijnVermeldingRoutes(app: FastifyInstance) {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    principal: Principal,
    options: { values?: FormValues; errors?: InvalidParam[]; status?: number; changed?: EntryChangedError } = {},
  ) => {
    const context = pageContext(request, principal);
    // After a late save: the entry as the conflict saw it, so the form's version is the one whose values are shown.
    const entry = options.changed?.huidige ?? (await getOwnEntry(context));
    return sendPage(
      reply,
      <MijnVermeldingPagina
        principal={principal}
        csrfToken={reply.generateCsrf()}
        entry={entry}
        claimable={entry ? [] : await listClaimableEntries(context)}
        taxonomy={(await listExpertisegebieden(app.db, {})).resultaten}
        werkgebieden={await listWerkgebiedOpties(app.db)}
        values={options.values ?? (entry ? valuesOf(entry) : { email: principal.email ?? '', naam: principal.naam ?? '' })}
        errors={options.errors ?? []}
        melding={messages[(request.query as { melding?: string }).melding ?? '']}
        conflict={options.changed && conflictOf(options.changed, PAGE)}
      />,
      options.status ?? (options.changed ? 409 : options.errors?.length ? 400 : 200),
    );
  };

  app.get(PAGE, async (request, reply) => {
    const principal = await signedIn(request, reply, PAGE);
    return principal ? render(request, reply, principal) : reply;
  });

  app.post(PAGE, { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply, PAGE);
    if (!principal) return reply;
    const context = pageContext(request, principal);
    const body = request.body as Record<string, string | string[]>;
    const values = body as FormValues;
    const existing = await getOwnEntry(context);
    try {
      if (existing) {
        const form = await checkEntryInput(app.db, professionalPatchSchema, formToInput(body, 'update'), { kept: existing.werkgebied, fallbackName: 'formulier' });
        if (!form.ok) return render(request, reply, principal, { values, errors: form.fields });
        await updateProfessional(context, existing.id, formVersie(body), form.data);
      } else {
        const form = await checkEntryInput(app.db, professionalCreateSchema, formToInput(body, 'create'), { fallbackName: 'formulier' });
        if (!form.ok) return render(request, reply, principal, { values, errors: form.fields });
        await createProfessional(context, form.data);
      }
    } catch (error) {
      if (error instanceof EntryChangedError) return render(request, reply, principal, { values, changed: error });
      if (isFormError(error)) return render(request, reply, principal, { values, errors: fieldsOf(error) });
      throw error;
    }
    return reply.redirect(`${PAGE}?melding=opgeslagen`, 303);
  });

  app.post(`${PAGE}/bevestiging`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply, PAGE);
    if (!principal) return reply;
    const context = pageContext(request, principal);
    const entry = await getOwnEntry(context);
    if (entry) await confirmProfessional(context, entry.id);
    return reply.redirect(`${PAGE}?melding=bevestigd`, 303);
  });

  app.post(`${PAGE}/claim/:id`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply, PAGE);
    if (!principal) return reply;
    await claimProfessional(pageContext(request, principal), parseParams(entryIdParams, request.params).id);
    return reply.redirect(`${PAGE}?melding=geclaimd`, 303);
  });

  app.post(`${PAGE}/verwijderen`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const principal = await signedIn(request, reply, PAGE);
    if (!principal) return reply;
    if ((request.body as { zeker?: string }).zeker !== 'ja') {
      return render(request, reply, principal, { errors: [{ name: 'verwijderen', code: 'required', reason: 'Vink aan dat je je vermelding echt wilt verwijderen.' }] });
    }
    const context = pageContext(request, principal);
    const entry = await getOwnEntry(context);
    if (entry) await deleteProfessional(context, entry.id);
    return reply.redirect(`${PAGE}?melding=verwijderd`, 303);
  });

  app.get(`${PAGE}/gegevens`, async (request, reply) => {
    const principal = await signedIn(request, reply, PAGE);
    if (!principal) return reply;
    const data = await personalData(pageContext(request, principal));
    return reply
      .type('application/json; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="maatwerkregister-mijn-gegevens.json"')
      .send(JSON.stringify(data, null, 2));
  });
}
