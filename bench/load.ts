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
  /**
   * The answers with any other status, by what they said ("rate-limited", "busy" …), for loads
   * that can tell (`explain`): a refusal is an error like any other, and this says which.
   */
  unexpected?: Record<string, number>;
};

type Load = {
  url: string;
  connections: number;
  seconds: number;
  requests: autocannon.Request[];
  /** The status of a correct answer: 200 for pages and the API, 303 for a login. */
  expectStatus: number;
  /** What an answer with another status said, in a word or two; counted in `unexpected`. */
  explain?: (status: number, body: string) => string;
};

/** The requests, each also counting its unexpected answers into `into` by what they said. */
function explained(requests: autocannon.Request[], expectStatus: number, explain: (status: number, body: string) => string, into: Record<string, number>) {
  return requests.map((request): autocannon.Request => ({
    ...request,
    onResponse: (status, body, context, headers) => {
      if (status !== expectStatus) {
        const answer = explain(status, body);
        into[answer] = (into[answer] ?? 0) + 1;
      }
      if (typeof request.onResponse === 'function') request.onResponse(status, body, context, headers);
    },
  }));
}

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
  const { explain, expectStatus } = load;
  const unexpected: Record<string, number> = {};
  const requests = explain ? explained(load.requests, expectStatus, explain, unexpected) : load.requests;
  const done = new Promise<Measurement>((resolve, reject) => {
    instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        duration: load.seconds,
        requests,
        timeout: 30,
      },
      (err, result) => {
        if (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        const measurement = measure(result, expectStatus);
        resolve(explain ? { ...measurement, unexpected } : measurement);
      },
    );
  });
  return { stop: () => instance?.stop(), done };
}

export const runLoad = (load: Load) => startLoad(load).done;
