import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { shipped } from '../schemas.js';
import type { RouteModule } from './context.js';

/**
 * DEMO ONLY. `POST /demo/sign-in {"name"}` answers a real HS256 token signed with the demo secret, the
 * way a partner's backend would sign one for its signed-in reader. Anyone can get one under any name,
 * so it is served only with the demo pages and BYLINE_DEMO_SIGN_IN=1, never on a production server.
 */
export const demoSignInRoutes: RouteModule = (app, { demo, demoSignInSecret, limits }) => {
  if (!demo || !demoSignInSecret) return;
  const key = new TextEncoder().encode(demoSignInSecret);
  app.post<{ Body: { name: string; moderator?: boolean } }>(
    '/demo/sign-in',
    {
      config: { rateLimit: limits.post },
      schema: {
        body: shipped('demo-sign-in'),
      },
    },
    async (request, reply) => {
      const expiresIn = 3600;
      const token = await new SignJWT({ name: request.body.name.trim(), roles: request.body.moderator ? ['moderator'] : [], demo: true })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(`demo-${randomBytes(6).toString('hex')}`)
        .setIssuedAt()
        .setExpirationTime(`${expiresIn}s`)
        .sign(key);
      return reply.header('cache-control', 'no-store').send({ token, expiresIn, demo: true });
    },
  );
};
