import { parentPort } from 'node:worker_threads';
import type { Calendar } from '@courtassist/contracts';
import { encoded, joined, type WorkerReply } from './deadline-batch.js';
import { type PreparedDeadlineCommand, prepareDeadlineCommand, resultPieces, resultsOf } from './deadline-command.js';

/**
 * The second thread of `courtassist deadline` (deadline-batch.ts): parses and checks its half of
 * the batch, says whether it is valid, then computes it with the stored calendar it is given and
 * sends back its results as UTF-8 bytes (`r0,r1,…`, no brackets), moved rather than copied.
 */
const port = parentPort;
if (!port) throw new Error('deadline-worker runs as a worker thread only');

let prepared: PreparedDeadlineCommand | null = null;
const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (message: { kind: 'prepare'; bytes: Uint8Array } | { kind: 'answer'; stored?: Calendar }) => {
  try {
    if (message.kind === 'prepare') {
      prepared = prepareDeadlineCommand(new TextDecoder().decode(message.bytes));
      const valid = !('output' in prepared);
      reply({ kind: 'prepared', valid, needsStoredCalendar: valid && 'requests' in prepared && prepared.needsStoredCalendar });
      return;
    }
    const results = prepared ? resultsOf(prepared, message.stored) : null;
    prepared = null;
    if (!results) {
      reply({ kind: 'answered', body: null });
      return;
    }
    const body = joined(encoded(resultPieces(results)));
    reply({ kind: 'answered', body }, [body.buffer as ArrayBuffer]);
  } catch (error) {
    reply({ kind: 'failed', message: (error as Error).message });
  }
});
