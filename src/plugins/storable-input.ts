import fp from 'fastify-plugin';
import { ProblemError } from '../http/problem.js';
import { UNSTORABLE_TEXT_CODE, UNSTORABLE_TEXT_REASON, unstorablePaths } from '../http/storable.js';

/**
 * Refuses text PostgreSQL cannot store (U+0000, lone surrogates) in path parameters, query strings and parsed
 * bodies (JSON and forms) of every route, before validation: one check for every entry point, instead of one
 * per schema that a new field could forget. Text bodies (CSV) are checked where they are read, per row and column.
 */
export default fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      const names = [
        ...unstorablePaths(request.params),
        ...unstorablePaths(request.query),
        ...(typeof request.body === 'object' ? unstorablePaths(request.body) : []),
      ];
      if (names.length === 0) return;
      throw new ProblemError(400, `Ongeldige invoer: ${[...new Set(names)].join(', ')}.`, {
        invalidParams: names.map((name) => ({ name, code: UNSTORABLE_TEXT_CODE, reason: UNSTORABLE_TEXT_REASON })),
      });
    });
  },
  { name: 'storable-input' },
);
