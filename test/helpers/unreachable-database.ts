import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Test } from 'tap';
import { loadConfig } from '../../src/config.js';
import { connect } from '../../src/database/connection.js';
import { buildTestApp } from './app.js';

/**
 * A database that is not there, without stopping the shared test cluster: a port where nothing listens (refused at
 * once), or a TCP server that takes connections and never answers (a host that hangs until the connect timeout).
 */

export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function silentServer(t: Test): Promise<number> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as AddressInfo).port;
}

/** The real app on a database handle that points at `port`, where no PostgreSQL answers. */
export async function appWithoutDatabase(t: Test, port: number, env: Record<string, string> = {}) {
  const timeouts = loadConfig({ NODE_ENV: 'test', ...env }).timeouts;
  const url = `postgres://niemand:geheim@127.0.0.1:${port}/register`;
  const connection = connect(url, { max: 4, timeouts });
  t.teardown(() => connection.sql.end({ timeout: 0 }));
  return buildTestApp(t, env, { database: { url, db: connection.db, sql: connection.sql, close: async () => {} } });
}
