// A minimal client of `codex app-server` (JSON-RPC, one JSON object per line over stdio): requests with
// ids, notifications kept in order, and a handler for the requests Codex sends back (approvals).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { stopChild } from './processes.js';

type Json = Record<string, unknown>;

export interface AppServer {
  request<T = Json>(method: string, params: unknown, timeoutMs?: number): Promise<T>;
  notify(method: string, params?: unknown): void;
  /** Resolves with the first notification `method` that satisfies `accept` (already received ones count). */
  waitFor(method: string, accept?: (params: Json) => boolean, timeoutMs?: number): Promise<Json>;
  notifications: { method: string; params: Json }[];
  stderr(): string;
  close(): Promise<void>;
}

/** Starts `codex app-server` with `args` and answers its approval requests with `approve(method, params)`. */
export function startAppServer(
  exe: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; approve?: (method: string, params: Json) => unknown },
): AppServer {
  const child: ChildProcessWithoutNullStreams = spawn(exe, ['app-server', ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let nextId = 0;
  let buffer = '';
  let stderr = '';
  const pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  const notifications: AppServer['notifications'] = [];
  const waiters: (() => void)[] = [];
  const send = (message: Json) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  child.stdout.on('data', (d: Buffer) => {
    buffer += d;
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const message = JSON.parse(buffer.slice(0, i)) as Json;
      buffer = buffer.slice(i + 1);
      const id = message['id'] as number | undefined;
      if (id !== undefined && message['method'] === undefined) {
        const p = pending.get(id);
        pending.delete(id);
        if (message['error']) p?.reject(new Error(`${JSON.stringify(message['error'])}\n${stderr}`));
        else p?.resolve(message['result'] as Json);
      } else if (id !== undefined) {
        send({ id, result: options.approve?.(String(message['method']), message['params'] as Json) ?? {} });
      } else {
        notifications.push({ method: String(message['method']), params: (message['params'] ?? {}) as Json });
        waiters.splice(0).forEach((w) => w());
      }
    }
  });
  child.on('exit', () => {
    for (const p of pending.values()) p.reject(new Error(`codex app-server exited:\n${stderr}`));
    pending.clear();
  });
  return {
    notifications,
    stderr: () => stderr,
    request<T>(method: string, params: unknown, timeoutMs = 30_000) {
      const id = ++nextId;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${method}: no answer in ${timeoutMs} ms\n${stderr}`)),
          timeoutMs,
        );
        pending.set(id, {
          resolve: (v) => (clearTimeout(timer), resolve(v as T)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        send({ id, method, params });
      });
    },
    notify: (method, params) => send({ method, ...(params === undefined ? {} : { params }) }),
    waitFor(method, accept = () => true, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${method} in ${timeoutMs} ms\n${stderr}`)),
          timeoutMs,
        );
        const check = () => {
          const hit = notifications.find((n) => n.method === method && accept(n.params));
          if (hit) return (clearTimeout(timer), resolve(hit.params));
          waiters.push(check);
        };
        check();
      });
    },
    close: () => stopChild(child),
  };
}
