import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerSessions } from './auth/session';
import { systemClock, type Clock } from './clock/clock';
import type { Config } from './config';
import type { Db } from './db/db';
import { registerErrorHandling } from './http/errors';
import { registerIdempotency } from './http/idempotency';
import { registerSecurityHeaders } from './http/security-headers';
import { featureRoutes } from './routes';
import { VERSION } from './version';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Domain time: deadlines, cases, tickets… (settable with ONEWINDOW_CLOCK=manual). */
    clock: Clock;
    /**
     * Security time: session expiry and login throttling follow the real clock, so moving the domain
     * clock in a training neither logs everyone out nor stretches a session.
     */
    wallClock: Clock;
    config: Config;
  }
}

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppDeps {
  db: Db;
  clock: Clock;
  wallClock?: Clock;
  config: Config;
  logger?: boolean;
}

/** Assemble the HTTP application: cross-cutting plugins first, then every feature's routes. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger === false ? false : { level: deps.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.decorate('db', deps.db);
  app.decorate('clock', deps.clock);
  app.decorate('wallClock', deps.wallClock ?? systemClock);
  app.decorate('config', deps.config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS)
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // The site is served over plain HTTP on a LAN as often as over HTTPS behind a proxy.
    hsts: deps.config.env === 'production',
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'OneWindow API', description: '一窗通 政务服务中心平台 API', version: VERSION },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ow_sid' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await registerSessions(app);
  registerIdempotency(app);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { tags: ['system'] } }, async () => {
    await deps.db.query('SELECT 1');
    return { status: 'ok', database: deps.db.kind, version: VERSION };
  });
  for (const routes of featureRoutes) await app.register(routes);

  if (existsSync(join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, maxAge: '1h' });
    // The web app routes on the client: any other GET outside /api gets its shell.
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
