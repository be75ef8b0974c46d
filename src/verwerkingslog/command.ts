import type { Config } from '../config.js';
import type { Db } from '../database/connection.js';
import { SERVICE_VERSION } from '../observability/tracing.js';
import { auditedProcessing, auditMark, ProcessingCollector } from './collector.js';
import { toLines } from './line.js';
import { createWriter, type InfoLogger } from './writer.js';

/**
 * The processing log for a command that changes entries outside a request (`npm run retentie`): take a mark before
 * the work, then `finish` writes one line per data subject the command's audit rows name. Without a request there is
 * no caller's trace: the run is a trace of its own.
 */
export async function commandProcessingLog(config: Config, db: Db, herkomst: string, log: InfoLogger) {
  const mark = await auditMark(db);
  const start = Date.now();
  return {
    async finish(failed = false): Promise<number> {
      if (config.verwerkingslog.target === 'uit') return 0;
      const collector = new ProcessingCollector();
      await auditedProcessing(db, mark, [herkomst], collector);
      const lines = toLines(collector.items, {
        traceId: undefined,
        parentSpanId: undefined,
        start,
        end: Date.now(),
        failed,
        resource: { 'service.name': config.tracing.serviceName, 'service.version': SERVICE_VERSION },
        activiteitenUri: config.verwerkingslog.activiteitenUri,
      });
      const writer = createWriter(config.verwerkingslog, log);
      try {
        await writer.write(lines);
      } finally {
        await writer.close();
      }
      return lines.length;
    },
  };
}
