import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { createToken } from '../../src/scim/tokens.js';
import { ENTRY_SUBJECT_TYPE } from '../../src/verwerkingslog/activities.js';
import type { ProcessingLogLine } from '../../src/verwerkingslog/line.js';
import { buildTestApp } from '../helpers/app.js';
import { entraUser, SCIM_JSON } from './fixture.js';

const ACTIVITY = 'urn:nl:maatwerkregister:verwerkingsactiviteit:';

t.test('provisioning by SCIM is logged in the Logboek Dataverwerkingen: create and update as provisioning, delete as erasure', async (t) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'mr-scim-log-')), 'verwerkingen.jsonl');
  const testApp = await buildTestApp(t, { VERWERKINGSLOG: 'bestand', VERWERKINGSLOG_BESTAND: file });
  const { token } = await createToken(testApp.database.db, 'gm0363', null, { actor: null, herkomst: 'test' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': SCIM_JSON };
  let read = 0;
  const newLines = (): ProcessingLogLine[] => {
    const all = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ProcessingLogLine) : [];
    const fresh = all.slice(read);
    read = all.length;
    return fresh;
  };

  const created = await testApp.app.inject({ method: 'POST', url: '/scim/v2/Users', headers, payload: JSON.stringify(entraUser()) });
  const { id } = created.json();
  t.match(newLines(), [
    { name: 'professional.aangemaakt', attributes: { 'dpl.core.processing_activity_id': `${ACTIVITY}vermeldingen-provisioneren`, 'dpl.core.data_subject_id': id, 'dpl.core.data_subject_id_type': ENTRY_SUBJECT_TYPE } },
  ]);
  await testApp.app.inject({
    method: 'PATCH',
    url: `/scim/v2/Users/${id}`,
    headers,
    payload: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] }),
  });
  t.match(newLines(), [{ name: 'professional.gewijzigd', attributes: { 'dpl.core.processing_activity_id': `${ACTIVITY}vermeldingen-provisioneren`, 'dpl.core.data_subject_id': id } }]);
  await testApp.app.inject({ method: 'DELETE', url: `/scim/v2/Users/${id}`, headers: { authorization: headers.authorization } });
  t.match(newLines(), [{ name: 'professional.verwijderd', attributes: { 'dpl.core.processing_activity_id': `${ACTIVITY}vermelding-verwijderen`, 'dpl.core.data_subject_id': id } }]);
});
