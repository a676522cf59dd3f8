// One load scenario: autocannon against a server for a fixed time with fixed connections.
import autocannon from 'autocannon';

export type Measurement = {
  /** Responses per second with the expected status. */
  reqPerSec: number;
  /** Latency in milliseconds. */
  p50: number;
  p99: number;
  /** Connection errors, timeouts and responses with any other status. */
  errors: number;
  requests: number;
  /** Server CPU time per answered request, where the bench can read it (Linux). */
  cpuMsPerRequest?: number;
};

type Load = {
  url: string;
  connections: number;
  seconds: number;
  requests: autocannon.Request[];
  /** The status of a correct answer: 200 for pages and the API, 303 for a login. */
  expectStatus: number;
};

function measure(result: autocannon.Result, expectStatus: number): Measurement {
  const byStatus = result.statusCodeStats ?? {};
  const ok = byStatus[`${expectStatus}`]?.count ?? 0;
  const answered = Object.values(byStatus).reduce((sum, s) => sum + (s.count ?? 0), 0);
  return {
    reqPerSec: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + (answered - ok),
    requests: answered,
  };
}

/** Starts a load; it ends by itself after `seconds`, or earlier with stop(). */
export function startLoad(load: Load): { stop: () => void; done: Promise<Measurement> } {
  let instance: autocannon.Instance | undefined;
  const done = new Promise<Measurement>((resolve, reject) => {
    instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        duration: load.seconds,
        requests: load.requests,
        timeout: 30,
      },
      (err, result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(measure(result, load.expectStatus))),
    );
  });
  return { stop: () => instance?.stop(), done };
}

export const runLoad = (load: Load) => startLoad(load).done;
