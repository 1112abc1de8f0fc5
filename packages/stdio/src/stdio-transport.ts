import type { Readable, Writable } from 'node:stream';
import { checkMessage, type JsonRpcErrorAnswer } from '@chilipiper-mcp/core';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';
import { LineReader, type Line } from './line-reader.js';

/** Default longest line (one JSON-RPC message) read from stdin: 4 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

/** Options of {@link StdioTransport}. */
export interface StdioTransportOptions {
  readonly input?: Readable | undefined;
  readonly output?: Writable | undefined;
  /** Longest accepted line in bytes (default {@link DEFAULT_MAX_LINE_BYTES}); longer ones are answered and skipped. */
  readonly maxLineBytes?: number | undefined;
  /** Reports a problem on stderr (never stdout, which carries JSON-RPC only). */
  readonly warn: (message: string) => void;
  /** Called once when stdin ends, after every complete line was handled. */
  readonly onEnd?: (() => void) | undefined;
}

const MIB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`);

/**
 * Newline-delimited JSON-RPC over stdin/stdout, like the SDK's `StdioServerTransport`, except that every
 * request with an id is answered: a line that is not JSON gets -32700 with `id: null`, a message the SDK
 * would drop silently gets -32600/-32602 naming what is wrong, and a line over the size limit is skipped
 * (never buffered), reported on stderr and answered, after which reading goes on. It also knows which
 * requests are still unanswered, so a shutdown can wait for them or answer them.
 */
export class StdioTransport implements Transport {
  onmessage?: Transport['onmessage'];
  onerror?: Transport['onerror'];
  onclose?: Transport['onclose'];
  private readonly input: Readable;
  private readonly output: Writable;
  private readonly reader: LineReader;
  private readonly pending = new Set<RequestId>();
  private answered: (() => void) | undefined;
  private readonly onData = (chunk: Buffer) => this.reader.push(chunk).forEach((l) => this.receive(l));
  private readonly onEnd = () => {
    this.reader.end().forEach((line) => this.receive(line));
    this.input.off('end', this.onEnd).off('close', this.onEnd);
    this.options.onEnd?.();
  };
  private readonly onInputError = (error: Error) => this.onerror?.(error);

  constructor(private readonly options: StdioTransportOptions) {
    this.input = options.input ?? process.stdin;
    this.output = options.output ?? process.stdout;
    this.reader = new LineReader(options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  }

  /** Starts reading stdin. */
  async start(): Promise<void> {
    this.input.on('data', this.onData).once('end', this.onEnd).once('close', this.onEnd);
    this.input.on('error', this.onInputError);
  }

  /** Writes one message as a line; resolves once stdout accepted it. */
  send(message: JSONRPCMessage): Promise<void> {
    return this.write(message);
  }

  /** Stops reading and reports the transport closed. */
  async close(): Promise<void> {
    this.input.off('data', this.onData).off('end', this.onEnd).off('close', this.onEnd);
    this.input.off('error', this.onInputError);
    this.onclose?.();
  }

  /** The ids of requests received and not answered yet. */
  unanswered(): RequestId[] {
    return [...this.pending];
  }

  /** Resolves once every request received so far has been answered. */
  allAnswered(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => (this.answered = resolve));
  }

  /** Answers every unanswered request with an error saying why the server stops, and says so on stderr. */
  async abandon(why: string): Promise<void> {
    const ids = this.unanswered();
    if (ids.length === 0) return;
    this.options.warn(
      `${why}: answering ${ids.length} unfinished request(s) with an error (id ${ids.map((id) => JSON.stringify(id)).join(', ')})`,
    );
    const message = `The server stopped (${why}) before this request finished; its outcome is unknown.`;
    await Promise.all(ids.map((id) => this.write({ jsonrpc: '2.0', id, error: { code: -32000, message } })));
  }

  private receive(line: Line): void {
    if (line.kind === 'oversized') {
      const limit = size(this.reader.maxBytes);
      this.options.warn(
        `dropped a line of ${size(line.bytes)} from stdin: one message may be at most ${limit}`,
      );
      const message = `Invalid Request: the message is ${line.bytes} bytes, over the ${this.reader.maxBytes}-byte limit of one line; it was dropped.`;
      void this.write({ jsonrpc: '2.0', id: line.id, error: { code: -32600, message } });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      const why = (error as Error).message;
      this.options.warn(`a line from stdin is not JSON (${why}); answered -32700`);
      void this.write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: `Parse error: ${why}` } });
      return;
    }
    const rejected = checkMessage(value);
    if (rejected) {
      this.options.warn(rejected.problem);
      if (rejected.answer) void this.write(rejected.answer);
      return;
    }
    const message = value as JSONRPCMessage;
    if ('method' in message && 'id' in message) this.pending.add(message.id);
    this.onmessage?.(message);
  }

  private write(message: JSONRPCMessage | JsonRpcErrorAnswer): Promise<void> {
    const id = 'id' in message && !('method' in message) ? message.id : undefined;
    if (id !== undefined && id !== null && this.pending.delete(id) && this.pending.size === 0) {
      this.answered?.();
    }
    if (!this.output.writable) {
      this.options.warn(`stdout is closed: could not send the answer to request ${JSON.stringify(id)}`);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      if (this.output.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.output.once('drain', resolve);
    });
  }
}
