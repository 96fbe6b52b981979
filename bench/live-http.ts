// Event delivery over real HTTP, for bench:live (one SQLite server) and bench:pg (two instances on one
// PostgreSQL): VIEWERS event streams open on one document on the viewing server, saves sent open loop
// to the saving server (the same one, or another instance), each to a paragraph with no save of its
// own on the way (one editor per paragraph). Latency: save sent → translation.saved at each viewer,
// and from the save's answer; see live-viewers.ts.
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { HOST } from "./config";
import { keepAliveAgent, save, translationText } from "./http-client";
import { type Delivery, deliveryOf, openLoop, type SentSave, saveKey, settle, Viewer } from "./live-viewers";

export interface HttpDeliveryOptions {
  /** The instance the saves go to. */
  savePort: number;
  /** The instance the viewers' streams are open on. */
  viewPort: number;
  token: string;
  documentId: string;
  /** The paragraphs saved (one editor each); their English versions are learnt first. */
  segmentIds: string[];
  viewers: number;
  /** Saves per second, one run each. */
  rates: number[];
  durationMs: number;
  step?: (text: string) => void;
}

export interface DeliveryRun {
  rate: number;
  delivery: Delivery;
  failedSaves: number;
  /** This process's own event-loop delay p99 (ms) meanwhile: how late the viewers could read. */
  clientLagP99: number;
  /** The machine's load average (1 min) when the run began. */
  load: number;
}

/** Runs `work` while watching this process's event loop (its viewers share it). */
export async function watched<T>(work: () => Promise<T>): Promise<{ result: T; lagP99: number }> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  try {
    return { result: await work(), lagP99: lag.percentile(99) / 1e6 };
  } finally {
    lag.disable();
  }
}

export async function httpDelivery(o: HttpDeliveryOptions): Promise<DeliveryRun[]> {
  const step = o.step ?? (() => {});
  const agent = keepAliveAgent(64);
  const target = { port: o.savePort, token: o.token, lang: "en" };
  const versions = o.segmentIds.map(() => 0);
  const viewers: Viewer[] = [];
  const runs: DeliveryRun[] = [];
  try {
    // Each paragraph's version, learnt from a first save (a 409 names the current one).
    for (const [i, id] of o.segmentIds.entries()) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const r = await save(agent, target, id, translationText(i, 0), versions[i]);
        if (r.version !== null) versions[i] = r.version;
        if (r.status === 200) break;
      }
    }
    step(`opening ${o.viewers} event streams over HTTP on port ${o.viewPort}…`);
    for (let i = 0; i < o.viewers; i++) {
      const res = await fetch(`http://${HOST}:${o.viewPort}/api/v1/documents/${o.documentId}/events`, {
        headers: { authorization: `Bearer ${o.token}` },
      });
      if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
      viewers.push(new Viewer(res.body));
    }
    await Promise.all(viewers.map((v) => v.live));
    for (const rate of o.rates) {
      step(
        `${rate} saves/s to port ${o.savePort} for ${o.durationMs / 1000} s, ${o.viewers} viewers on port ${o.viewPort}…`,
      );
      const load = os.loadavg()[0];
      const saves: SentSave[] = [];
      let failedSaves = 0;
      const busy = new Set<number>();
      let next = 0;
      const { lagP99 } = await watched(() =>
        openLoop(rate, o.durationMs, async (n) => {
          if (busy.size === o.segmentIds.length) {
            failedSaves++; // every paragraph waits for an answer: the server is far behind
            return;
          }
          while (busy.has(next % o.segmentIds.length)) next++;
          const i = next++ % o.segmentIds.length;
          busy.add(i);
          const sentAt = performance.now();
          const r = await save(agent, target, o.segmentIds[i], translationText(i, n + 1), versions[i]);
          busy.delete(i);
          if (r.version !== null) versions[i] = r.version;
          if (r.status !== 200 || r.version === null) failedSaves++;
          else saves.push({ key: saveKey(o.segmentIds[i], r.version), sentAt, doneAt: performance.now() });
        }),
      );
      await settle(saves, viewers);
      runs.push({ rate, delivery: deliveryOf(saves, viewers), failedSaves, clientLagP99: lagP99, load });
    }
  } finally {
    for (const v of viewers) await v.cancel();
    agent.destroy();
  }
  return runs;
}
