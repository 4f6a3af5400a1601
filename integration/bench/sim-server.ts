/**
 * The benchmark's Langfuse: a simulator serving a generated Cupid dataset on 127.0.0.1, in its
 * own process so the sync process's memory is measured without the simulator's copy of the data.
 * Controlled over IPC: `{ type: 'counts' }`, `{ type: 'reset' }`, `{ type: 'truth' }`.
 *
 * Run through `fork()` with `SIM_SESSIONS` (default 4100, ≈ 200k observations) and `SIM_SEED`.
 */
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';

const sessions = Number(process.env.SIM_SESSIONS ?? 4_100);
const seed = Number(process.env.SIM_SEED ?? 2026);
const dataset = generateCupidDataset({ seed, sessions });
const sim = createLangfuseSimulator({ dataset });
const server = await sim.listen();

type Message = { id: number; type: 'counts' | 'reset' | 'truth' | 'close' };
process.on('message', (message: Message) => {
  const reply = (body: unknown) => process.send?.({ id: message.id, body });
  if (message.type === 'counts') {
    reply({ total: sim.requests.length, byEndpoint: sim.requestCounts() });
  } else if (message.type === 'reset') {
    sim.resetRequests();
    reply(null);
  } else if (message.type === 'truth') {
    const truth = sim.truth();
    // Counted as a store counts its records: the scores beside the rest.
    const counts = { ...truth.counts, scores: truth.scores.length };
    reply({ counts, checksums: truth.checksums('v2') });
  } else {
    void server.close().then(() => {
      reply(null);
      process.exit(0);
    });
  }
});
process.send?.({
  ready: true,
  url: server.url,
  publicKey: sim.publicKey,
  secretKey: sim.secretKey,
  observations: dataset.observations.length,
  scores: dataset.scores.length,
});
