import { sql } from 'drizzle-orm';
import type { SearchDocument } from '../src/search/document.js';
import { PostgresSearchEngine } from '../src/search/postgres/engine.js';
import { judgements } from '../test/search/relevance/judgements.js';
import { engineRanker, label, loadScenario, measure, policy, summarise, viewer, type Relevance, type RelevanceRow, type Scenario } from '../test/search/relevance/measure.js';
import { peersFor } from '../test/search/relevance/peers.js';
import { parseCommandArgs, runCommand, UsageError } from './lib/command.js';
import { decidingRule, explainer } from './lib/relevance-explain.js';
import { createScratchDatabase } from './lib/scratch-database.js';

/**
 * Relevance of the register beside its peers: success@3 and MRR over the judged queries of the relevance suite
 * (test/search/relevance), for the Postgres engine and for MiniSearch, Lunr and Orama indexing the same documents
 * (test/search/relevance/peers.ts) — on the relevance fixture alone, and with the demo data (605 entries) beside
 * it. Each scenario is loaded into a scratch database beside the configured one and dropped afterwards.
 *
 * Prints a table, then every query where the register ranks its first right answer lower than the best peer: the
 * register's top 3 (✓ right, ✗ not), and the first ranking rule that put each wrong entry above the peer's answer.
 * `--check` exits 1 when the register is below the best peer on success@3 in any scenario; `--details` also prints
 * every query's top 3 for every engine (function, expertise, keywords), for judging competing entries.
 */
const usage = 'npm run bench:relevance [-- --scenarios fixture,demo --check --details]';

const scenarioNames: Record<Scenario, string> = { fixture: 'fixture alone', demo: 'with demo data' };

interface EngineResult {
  name: string;
  all: Relevance;
}

const pct = (r: Relevance) => `${r.rows.filter((row) => row.rank >= 1 && row.rank <= 3).length}/${r.rows.length}`;
const cell = (r: Relevance) => `${pct(r).padStart(7)} ${r.success.toFixed(3)}  ${r.mrr.toFixed(3)}`;
/** Reciprocal rank, 0 when outside the first page. */
const rr = (row: RelevanceRow) => (row.rank > 0 ? 1 / row.rank : 0);

/** An entry as a judge needs to see it. */
const describe = (d: SearchDocument) =>
  `${label(d)} — ${d.functie}${d.afdeling ? `, ${d.afdeling}` : ''}; ${d.organisatie.code}; expertise ${d.expertisegebieden.map((e) => e.code).join(' ')}` +
  `${d.trefwoorden.length ? `; trefwoorden ${d.trefwoorden.join(', ')}` : ''}${d.werkgebied.length ? `; werkgebied ${d.werkgebied.join(', ')}` : ''}${d.overMij ? `; "${d.overMij.slice(0, 60)}"` : ''}`;

await runCommand({ usage, prepare: true }, async ({ database, log, out }) => {
  const { values } = parseCommandArgs({ scenarios: { type: 'string', default: 'fixture,demo' }, check: { type: 'boolean', default: false }, details: { type: 'boolean', default: false } });
  const scenarios = values.scenarios.split(',').filter(Boolean) as Scenario[];
  for (const s of scenarios) if (!(s in scenarioNames)) throw new UsageError(`unknown scenario "${s}" (fixture, demo)`);

  const results = new Map<Scenario, EngineResult[]>();
  const losses: string[] = [];
  const details: string[] = [];
  const configurations = new Set<string>();
  for (const scenario of scenarios) {
    const scratch = await createScratchDatabase(database.url, 'bench_relevance');
    try {
      log(`${scenarioNames[scenario]}: loading`);
      await loadScenario(scratch.db, scenario);
      await scratch.sql`ANALYZE zoekdocumenten`;
      const documents = (await scratch.db.execute<{ document: SearchDocument }>(sql`SELECT document FROM zoekdocument_weergave`)).map((r) => r.document);
      log(`${scenarioNames[scenario]}: ${documents.length} documents; ranking ${judgements.length} queries`);
      const engine = new PostgresSearchEngine(scratch.db);
      const register: EngineResult = { name: 'register (Postgres)', all: await measure(engineRanker(engine)) };
      const peers: EngineResult[] = [];
      for (const peer of await peersFor(documents, viewer, policy())) {
        configurations.add(`${peer.name}: ${peer.configuration}`);
        peers.push({ name: peer.name, all: await measure(async (zoekterm, filters) => peer.rank(zoekterm, filters)) });
      }
      results.set(scenario, [register, ...peers]);
      if (values.details) {
        for (const [i, judgement] of judgements.entries()) {
          details.push(`[${scenarioNames[scenario]}] "${judgement.zoekterm}"${judgement.filters ? ` ${JSON.stringify(judgement.filters)}` : ''} (${judgement.regel})`);
          for (const e of [register, ...peers]) {
            const row = e.all.rows[i]!;
            details.push(`  ${e.name.padEnd(20)} rank ${String(row.rank || '>10').padStart(3)}`);
            for (const j of row.judged) details.push(`      ${j.relevant ? '✓' : '✗'} ${describe(j.document)}`);
          }
        }
      }

      // Where the register does worse than the best peer: its top 3, and which rule put them above the peer's answer.
      for (const [i, row] of register.all.rows.entries()) {
        const best = peers.map((p) => ({ name: p.name, row: p.all.rows[i]! })).sort((a, b) => rr(b.row) - rr(a.row))[0]!;
        if (rr(row) >= rr(best.row)) continue;
        const answer = best.row.judged.find((j) => j.relevant) ?? undefined;
        const explain = await explainer(scratch.db, engine, row.zoekterm, policy());
        const ids = [...row.judged.map((j) => j.document.id), ...(answer ? [answer.document.id] : [])];
        const keys = await explain.values(ids);
        const lines = [
          `[${scenarioNames[scenario]}] "${row.zoekterm}"${row.filters ? ` ${JSON.stringify(row.filters)}` : ''} (${row.regel}): register rank ${row.rank || '>10'}, ${best.name} rank ${best.row.rank}`,
        ];
        for (const [n, j] of row.judged.entries()) {
          const k = keys.get(j.document.id);
          lines.push(`    ${n + 1}. ${j.relevant ? '✓' : '✗'} ${j.label} — ${j.document.functie}; keys [${k?.values.slice(0, -1).join(', ') ?? '?'}]`);
        }
        if (answer) {
          const k = keys.get(answer.document.id);
          lines.push(`    ${best.name}'s answer: ${answer.label} — ${answer.document.functie}; keys [${k?.values.slice(0, -1).join(', ') ?? '?'}]`);
          for (const [n, j] of row.judged.entries()) {
            if (j.relevant || j.document.id === answer.document.id) continue;
            const above = keys.get(j.document.id);
            if (above && k) lines.push(`    ${n + 1} above the answer by: ${decidingRule(explain.names, above, k)}`);
          }
        }
        lines.push(`    query words as lexemes: ${explain.plan}`);
        lines.push(`    keys are: ${explain.names.slice(0, -1).join(', ')}`);
        losses.push(lines.join('\n'));
      }
    } finally {
      await scratch.close();
    }
  }

  const competing = judgements.filter((j) => j.competing).length;
  out(`relevance: ${judgements.length} judged queries (${competing} with competing right answers in the demo data); success@3 as hits/queries, rate, MRR (first page of 10)`);
  const header = ['engine'.padEnd(22), ...scenarios.flatMap((s) => [`${scenarioNames[s]}: all`.padEnd(22), 'competing only'.padEnd(22)])].join(' | ');
  out(header);
  out('-'.repeat(header.length));
  const names = results.get(scenarios[0]!)?.map((r) => r.name) ?? [];
  for (const [e, name] of names.entries()) {
    const cells = scenarios.flatMap((s) => {
      const r = results.get(s)![e]!.all;
      return [cell(r).padEnd(22), cell(summarise(r.rows.filter((row) => row.competing))).padEnd(22)];
    });
    out([name.padEnd(22), ...cells].join(' | '));
  }
  out('');
  for (const c of configurations) out(`  ${c}`);
  out('');
  for (const line of details) out(line);
  if (details.length > 0) out('');
  // A query marked competing should have right answers besides the fixture's in the demo scenario.
  const demo = results.get('demo');
  if (demo) {
    const lonely = judgements.filter((j, i) => j.competing && demo.every((e) => e.all.rows[i]!.others === 0));
    if (lonely.length > 0) out(`marked competing, but no engine's first page holds another right answer: ${lonely.map((j) => `"${j.zoekterm}"`).join(', ')}\n`);
  }
  out(losses.length === 0 ? 'the register is at least as good as the best peer on every query' : `queries where the register ranks below the best peer (${losses.length}):`);
  for (const loss of losses) out(loss);

  if (values.check) {
    const below = scenarios.filter((s) => {
      const [register, ...peers] = results.get(s)!;
      return peers.some((p) => p.all.success > register!.all.success);
    });
    if (below.length > 0) {
      log(`check failed: the register is below a peer on success@3 in: ${below.map((s) => scenarioNames[s]).join(', ')}`);
      return 1;
    }
  }
});
