import type { Server } from 'node:http';

// Stopping a server the way ECS expects (SIGTERM, then SIGKILL 30 s later): refuse new
// connections, let requests in flight finish, close keep-alive connections as soon as
// they fall idle (server.close() alone only closes the ones idle at that moment, and a
// load balancer's pooled connections would hold the process open), and give up on
// stragglers at the deadline.

const IDLE_SWEEP_MS = 100;

/** Resolves when every connection is closed, or at `deadline` after cutting the rest. */
export function closeServer(server: Server, deadline: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const cut = () => server.closeAllConnections();
    deadline.addEventListener('abort', cut, { once: true });
    server.close(() => {
      clearInterval(sweep);
      deadline.removeEventListener('abort', cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
