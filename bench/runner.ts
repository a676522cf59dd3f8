// What runs the bench's declared tables (bench/run.ts): a scenario names the server it runs on,
// the load it sends and the earlier scenario its row is compared with; a target is a figure
// computed from scenario results named by id.
import type autocannon from 'autocannon';
import { type Measurement, runLoad, startLoad } from './load';
import { type CheckedTarget, type Row, printMeanwhile, printScenarioResult, printScenarioStart } from './report';
import { type Server, cpuTimeMs } from './servers';

/** What a scenario sends. `F` is what the run prepared for the request generators (cookies …). */
export type Load<F> = {
  /** What kind of request it is ('feed', 'like', 'login' …): the table prints rows grouped by it. */
  kind: string;
  connections: number;
  /** The status of a correct answer: 200 for pages and the API, 303 for a login. */
  expectStatus: number;
  /** Built once per scenario, before its warm-up; the warm-up and the measurement share them. */
  requests: (fixtures: F) => autocannon.Request[] | Promise<autocannon.Request[]>;
  /** What an answer with another status said ("rate-limited" …): the results count each kind. */
  explain?: (status: number, body: string) => string;
  /**
   * Waits, after each run of this load, until the server has finished the requests the run left
   * in flight: a run ends by dropping its connections, and work the server cannot cancel (a
   * bcrypt comparison) would otherwise pile onto the next run's, at twice the load declared.
   */
  settle?: () => Promise<void>;
};

export type Scenario<S extends string, F> = {
  /** How targets and other rows name its result. */
  id: string;
  /** Its line while it runs. */
  label: string;
  /** Its row in the table and in results.json. */
  scenario: string;
  server: string;
  database: string;
  /** The server it runs on: a key of the servers its table starts. */
  on: S;
  load: Load<F>;
  /** The row's ratio: req/s ÷ the req/s of this earlier scenario. */
  ratioTo?: string;
  /** And its CPU ratio: that scenario's CPU per request ÷ this one's. */
  cpuRatio?: boolean;
  /**
   * Measures `load` while this other load runs on the same server, from `headStartMs` before the
   * warm-up to the end of the measurement (e.g. the feed while logins keep the password pool busy).
   * Its row has no CPU figure: the server's CPU goes to both loads.
   */
  during?: { load: Load<F>; what: string; headStartMs: number };
};

export type Outcome<F> = { scenario: Scenario<string, F>; result: Measurement; meanwhile?: Measurement };
type Timing = { seconds: number; warmupSeconds: number };

export type Target<R> = {
  target: string;
  value: (results: R) => number;
  limit: number;
  /** Met when the value is at least the limit; otherwise when it is at most the limit. */
  atLeast: boolean;
  /** Printed and recorded beside the value: the same ratio by server CPU per request. */
  cpu?: (results: R) => number | undefined;
  /** Printed and recorded beside the value: what the framework floor reaches. */
  floor?: (results: R) => number;
};

type Run = Parameters<typeof runLoad>[0];

/** Fails before anything is built or started: ids are unique, and a ratio names an earlier scenario. */
export function checkScenarios<F>(scenarios: readonly Scenario<string, F>[]): void {
  const earlier = new Set<string>();
  for (const s of scenarios) {
    if (earlier.has(s.id)) throw new Error(`two scenarios have the id ${s.id}`);
    if (s.ratioTo !== undefined && !earlier.has(s.ratioTo)) throw new Error(`${s.id}: ratioTo ${s.ratioTo} is not an earlier scenario`);
    if (s.cpuRatio === true && s.ratioTo === undefined) throw new Error(`${s.id}: cpuRatio without ratioTo`);
    earlier.add(s.id);
  }
}

/** Starts the servers one after the other, in the order they are declared. */
export async function startServers<S extends string>(starts: Record<S, () => Promise<Server>>): Promise<Record<S, Server>> {
  const started: [string, Server][] = [];
  for (const [id, start] of Object.entries<() => Promise<Server>>(starts)) started.push([id, await start()]);
  return Object.fromEntries(started) as Record<S, Server>; // one for every key of `starts`
}

export async function stopServers(servers: Record<string, Server>): Promise<void> {
  for (const server of Object.values(servers)) await server.stop();
}

/** Baseline CPU per request ÷ the app's: the throughput ratio if each server had a core to itself. */
export const cpuRatio = (baseline: Measurement, app: Measurement) =>
  baseline.cpuMsPerRequest && app.cpuMsPerRequest ? baseline.cpuMsPerRequest / app.cpuMsPerRequest : undefined;

/** Runs a load and adds the server's CPU time per request to its measurement. */
async function measured(server: Server, run: Run): Promise<Measurement> {
  const cpuBefore = cpuTimeMs(server);
  const result = await runLoad(run);
  const cpuAfter = cpuTimeMs(server);
  if (cpuBefore === undefined || cpuAfter === undefined || result.requests === 0) return result;
  return { ...result, cpuMsPerRequest: Number(((cpuAfter - cpuBefore) / result.requests).toFixed(3)) };
}

/** A load ready to run on a server, and how to wait for what its runs leave behind there. */
type Prepared = { run: Run; settle: () => Promise<void> };

/**
 * Measures `run` (after its warm-up) while `background` runs; the background starts `headStartMs`
 * earlier. Both settle once the background has stopped, as it keeps the server busy until then.
 */
async function measureWhile(run: Prepared, background: Prepared, headStartMs: number, timing: Timing) {
  const meanwhile = startLoad({ ...background.run, seconds: timing.seconds + 2 * timing.warmupSeconds });
  await new Promise((resolve) => setTimeout(resolve, headStartMs));
  await runLoad({ ...run.run, seconds: timing.warmupSeconds });
  const result = await runLoad(run.run);
  meanwhile.stop();
  const done = await meanwhile.done;
  await Promise.all([run.settle(), background.settle()]);
  return { result, meanwhile: done };
}

async function prepare<F>(server: Server, load: Load<F>, fixtures: F, seconds: number): Promise<Prepared> {
  const { connections, expectStatus, explain, settle } = load;
  return {
    run: { url: server.url, connections, seconds, expectStatus, explain, requests: await load.requests(fixtures) },
    settle: async () => settle?.(),
  };
}

async function runScenario<F>(scenario: Scenario<string, F>, server: Server, fixtures: F, timing: Timing): Promise<Outcome<F>> {
  printScenarioStart(scenario.label);
  const prepared = await prepare(server, scenario.load, fixtures, timing.seconds);
  const { during } = scenario;
  if (during === undefined) {
    await runLoad({ ...prepared.run, seconds: timing.warmupSeconds });
    await prepared.settle();
    const result = await measured(server, prepared.run);
    await prepared.settle();
    printScenarioResult(result);
    return { scenario, result };
  }
  const background = await prepare(server, during.load, fixtures, timing.seconds);
  const { result, meanwhile } = await measureWhile(prepared, background, during.headStartMs, timing);
  printScenarioResult(result);
  printMeanwhile(during.what, meanwhile);
  return { scenario, result, meanwhile };
}

/** Runs a table of scenarios in order, each on its server. */
export async function runScenarios<S extends string, F>(
  scenarios: readonly Scenario<S, F>[],
  servers: Record<S, Server>,
  fixtures: F,
  timing: Timing,
): Promise<Outcome<F>[]> {
  const outcomes: Outcome<F>[] = [];
  for (const scenario of scenarios) outcomes.push(await runScenario(scenario, servers[scenario.on], fixtures, timing));
  return outcomes;
}

function find<F>(outcomes: Outcome<F>[], id: string): Outcome<F> {
  const outcome = outcomes.find((o) => o.scenario.id === id);
  if (outcome === undefined) throw new Error(`no result for the scenario ${id}`);
  return outcome;
}

/** The results by scenario id, for the targets: every one of `ids` must have run. */
export function resultsById<I extends string, F>(ids: readonly I[], outcomes: Outcome<F>[]): Record<I, Measurement> {
  return Object.fromEntries(ids.map((id) => [id, find(outcomes, id).result])) as Record<I, Measurement>;
}

/** What the background load of a "during" scenario achieved. */
export function meanwhileOf<F>(outcomes: Outcome<F>[], id: string): Measurement {
  const { meanwhile } = find(outcomes, id);
  if (meanwhile === undefined) throw new Error(`the scenario ${id} ran no load meanwhile`);
  return meanwhile;
}

/**
 * The rows of each table's outcomes, the tables one after the other: grouped by load kind (the
 * kinds in the order they first ran), each group in run order.
 */
export function rowsOf<F>(tables: Outcome<F>[][]): Row[] {
  const all = tables.flat();
  return tables.flatMap((outcomes) => {
    const kinds = [...new Set(outcomes.map((o) => o.scenario.load.kind))];
    return kinds
      .flatMap((kind) => outcomes.filter((o) => o.scenario.load.kind === kind))
      .map(({ scenario: s, result }) => {
        const compared = s.ratioTo === undefined ? undefined : find(all, s.ratioTo).result;
        return {
          scenario: s.scenario,
          server: s.server,
          database: s.database,
          result,
          ratio: compared && result.reqPerSec / compared.reqPerSec,
          cpuRatio: compared && s.cpuRatio === true ? cpuRatio(compared, result) : undefined,
        };
      });
  });
}

export function checkTargets<R>(targets: readonly Target<R>[], results: R): CheckedTarget[] {
  return targets.map((t) => {
    const value = t.value(results);
    return {
      target: t.target,
      value: Number(value.toFixed(3)),
      limit: t.limit,
      atLeast: t.atLeast,
      cpu: t.cpu?.(results),
      floor: t.floor?.(results),
      met: t.atLeast ? value >= t.limit : value <= t.limit,
    };
  });
}
