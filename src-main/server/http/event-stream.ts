// Server-sent events: the browser-mode equivalent of the `runs:*` IPC events. One stream per open
// page; a comment line every 15 s keeps proxies and the browser from timing the stream out.
import type { ServerResponse } from 'node:http';
import { EVENT_CHANNELS, type EventChannel, type EventMap } from '../../shared/ipc';
import type { RunService } from '../../shared/run-api';

const KEEPALIVE_MS = 15_000;

export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly unsubscribe: (() => void)[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(runs: RunService) {
    const forward = <C extends EventChannel>(channel: C) => (payload: EventMap[C]) => this.broadcast(channel, payload);
    for (const channel of EVENT_CHANNELS) {
      const event = channel.slice('runs:'.length) as 'progress' | 'notice' | 'settled';
      this.unsubscribe.push(runs.on(event, forward(channel) as (p: unknown) => void));
    }
    this.timer = setInterval(() => this.clients.forEach((c) => c.write(': keepalive\n\n')), KEEPALIVE_MS);
    this.timer.unref();
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  broadcast<C extends EventChannel>(channel: C, payload: EventMap[C]): void {
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const c of this.clients) c.write(frame);
  }

  close(): void {
    clearInterval(this.timer);
    this.unsubscribe.forEach((u) => u());
    for (const c of this.clients) c.end();
    this.clients.clear();
  }
}
