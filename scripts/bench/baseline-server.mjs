// The baseline: a bare Fastify route returning a fixed JSON, in its own process. Every scenario's
// figures are read as a ratio to this one's on the same machine.
// Prints `{"port": N}` on stdout once listening.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const requireFromApi = createRequire(fileURLToPath(new URL('../../apps/api/package.json', import.meta.url)));
const Fastify = requireFromApi('fastify');

const BODY = { status: 'ok', db: 'none', version: '0' };

const app = Fastify({ logger: false });
app.get('/baseline', async () => BODY);

const port = Number(process.env.PORT ?? 0);
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ port: app.server.address().port })}\n`);

const stop = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
