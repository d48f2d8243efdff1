import { Worker } from 'node:worker_threads';
import type { Calendar } from '@courtassist/contracts';
import {
  EXIT_OK,
  finishDeadlineCommand,
  type PreparedDeadlineCommand,
  prepareDeadlineCommand,
  resultPieces,
  resultsOf,
} from './deadline-command.js';

/**
 * `courtassist deadline` on large batches, on two threads: the batch's JSON text is cut in two
 * between two of its items, and a worker thread parses, checks, computes and writes the second half
 * while this thread does the first. Parsing and writing JSON are most of the work (measured: about
 * 1.9 s of 2.2 s for 200,000 requests on one thread), and a batch command has the machine to itself.
 *
 * Only the all-good case is answered in halves. A problem anywhere (malformed text, an invalid
 * item, a missing or corrupt calendar) runs the whole batch on one thread again, so that the
 * problem names items by their place in the whole batch, exactly as the single-thread answer does.
 */

export interface DeadlineAnswer {
  exitCode: number;
  /** The stdout bytes, in pieces to be written in turn. */
  pieces: Iterable<Uint8Array>;
}

/** Below this size one thread is quicker than starting a second one. */
export const PARALLEL_MIN_BYTES = 4 * 2 ** 20;

/** `[` item `,` item … `]`: where it may be cut in two (the comma's byte offset), or -1. */
export function cutPoint(bytes: Uint8Array): number {
  const first = skipSpace(bytes, 0, 1);
  const last = skipSpace(bytes, bytes.length - 1, -1);
  if (bytes[first] !== OPEN_BRACKET || bytes[last] !== CLOSE_BRACKET) return -1;
  // Candidates are commas between `}` and `{`; a candidate inside a string or a nested array is
  // refused later, because one of the halves then fails to parse (see `halves`).
  for (let at = bytes.indexOf(COMMA, (first + last) >> 1); at !== -1 && at < last; at = bytes.indexOf(COMMA, at + 1)) {
    if (bytes[skipSpace(bytes, at - 1, -1)] === CLOSE_BRACE && bytes[skipSpace(bytes, at + 1, 1)] === OPEN_BRACE) return at;
  }
  return -1;
}

/**
 * The two halves' texts, each a JSON array, for a cut at `cut`. Both parse only if the cut is
 * between two items of the outer array: a cut inside a string leaves the first half's string
 * unterminated, and a cut inside a nested value leaves its brackets unbalanced.
 */
export function halves(bytes: Uint8Array, cut: number): [Uint8Array, Uint8Array] {
  const first = skipSpace(bytes, 0, 1);
  const last = skipSpace(bytes, bytes.length - 1, -1);
  const head = new Uint8Array(cut - first + 1);
  head.set(bytes.subarray(first, cut));
  head[head.length - 1] = CLOSE_BRACKET;
  const tail = new Uint8Array(last - cut + 1);
  tail[0] = OPEN_BRACKET;
  tail.set(bytes.subarray(cut + 1, last + 1), 1);
  return [head, tail];
}

/**
 * The second thread, started before the input is read so that its start-up (loading the
 * calculator and the contracts) overlaps the reading; `answerDeadlineCommand` ends it.
 */
export function startDeadlineWorker(workerUrl: URL): DeadlineWorker {
  const worker = new Worker(workerUrl);
  // Listening from the start: an error while it loads must become a reply, not an uncaught error.
  return { worker, replies: messagesOf(worker) };
}

export interface DeadlineWorker {
  worker: Worker;
  replies: { next(): Promise<WorkerReply> };
}

/**
 * Answers the command for the stdin bytes. `storedCalendar` is asked for only when a valid period
 * has no calendar of its own (it opens the database).
 */
export async function answerDeadlineCommand(
  bytes: Uint8Array,
  storedCalendar: () => Promise<Calendar | undefined>,
  second: DeadlineWorker,
): Promise<DeadlineAnswer> {
  try {
    const cut = bytes.length >= PARALLEL_MIN_BYTES ? cutPoint(bytes) : -1;
    if (cut !== -1) {
      const answer = await inHalves(bytes, cut, storedCalendar, second);
      if (answer) return answer;
    }
  } finally {
    await second.worker.terminate();
  }
  const prepared = prepareDeadlineCommand(decoder.decode(bytes));
  const stored = 'requests' in prepared && prepared.needsStoredCalendar ? await storedCalendar() : undefined;
  const answer = finishDeadlineCommand(prepared, stored);
  return { exitCode: answer.exitCode, pieces: encoded(answer.pieces) };
}

async function inHalves(
  bytes: Uint8Array,
  cut: number,
  storedCalendar: () => Promise<Calendar | undefined>,
  { worker, replies }: DeadlineWorker,
): Promise<DeadlineAnswer | null> {
  const [head, tail] = halves(bytes, cut);
  worker.postMessage({ kind: 'prepare', bytes: tail }, [tail.buffer as ArrayBuffer]);
  const mine: PreparedDeadlineCommand = prepareDeadlineCommand(decoder.decode(head));
  const theirs = await replies.next();
  if ('output' in mine || theirs.kind !== 'prepared' || !theirs.valid) return null;
  const stored = mine.needsStoredCalendar || theirs.needsStoredCalendar ? await storedCalendar() : undefined;
  worker.postMessage({ kind: 'answer', stored });
  const results = resultsOf(mine, stored);
  if (!results) return null;
  const ownPieces = [...encoded(resultPieces(results))];
  const answered = await replies.next();
  if (answered.kind !== 'answered' || !answered.body) return null;
  const separator = results.length > 0 && answered.body.length > 0 ? [encoder.encode(',')] : [];
  return { exitCode: EXIT_OK, pieces: [encoder.encode('['), ...ownPieces, ...separator, answered.body, encoder.encode(']\n')] };
}

/** What the worker says: whether its half is valid (and needs the stored calendar), then its results' bytes. */
export type WorkerReply =
  | { kind: 'prepared'; valid: boolean; needsStoredCalendar: boolean }
  | { kind: 'answered'; body: Uint8Array | null }
  | { kind: 'failed'; message: string };

/** Each message of the worker in turn; an error or an early exit becomes a `failed` reply. */
function messagesOf(worker: Worker): { next(): Promise<WorkerReply> } {
  const queue: WorkerReply[] = [];
  let waiting: ((reply: WorkerReply) => void) | null = null;
  const push = (reply: WorkerReply) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(reply);
    } else queue.push(reply);
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ kind: 'failed', message: error.message }));
  worker.on('exit', () => push({ kind: 'failed', message: 'the worker stopped' }));
  return {
    next: () => {
      const reply = queue.shift();
      if (reply) return Promise.resolve(reply);
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
  };
}

/** Pieces of text as UTF-8: TextEncoder is about twice as fast as stdout's own conversion of the (two-byte) text. */
export function* encoded(pieces: Iterable<string>): Generator<Uint8Array> {
  for (const piece of pieces) yield encoder.encode(piece);
}

/** The bytes of all pieces in one buffer (a worker sends its half in one transfer). */
export function joined(pieces: Iterable<Uint8Array>): Uint8Array {
  const list = [...pieces];
  const out = new Uint8Array(list.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of list) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

function skipSpace(bytes: Uint8Array, from: number, step: 1 | -1): number {
  let at = from;
  while (at >= 0 && at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)) at += step;
  return at;
}

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const decoder = new TextDecoder();
const encoder = new TextEncoder();
