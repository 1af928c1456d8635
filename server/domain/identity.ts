import { createHash } from 'node:crypto';
import { errors, importSPKI, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import { RuleError } from './errors.js';
import { UNSAFE_IN_NAME } from './text.js';
import { codePoints, NAME_MAX } from './limits.js';

/** Who is making a request, as the domain rules see it. */
export interface Reader {
  /** 'sso:<sub>' when signed in through the site's login. */
  id?: string;
  /** From the token; absent for anonymous readers. */
  name?: string;
  picture?: string;
  roles: string[];
  /** 'addr:<salted hash of the client address>': bans and reports of anonymous readers, never the address. */
  address: string;
}

export type { AuthMode } from '../../src/core/wire-types.js';

/** The namespace of signed-in author ids: no anonymous author has an id, so none can collide. */
export const SSO_PREFIX = 'sso:';
export const ADDRESS_PREFIX = 'addr:';

/** A salted hash, so the stored value names a client without storing or revealing its address. */
export function addressSubject(salt: string, ip: string): string {
  return ADDRESS_PREFIX + createHash('sha256').update(`${salt}\n${ip}`).digest('base64url').slice(0, 32);
}

export interface SsoSettings {
  /** HS256 shared secret. */
  secret?: string;
  /** PEM public key (SPKI) for RS256 or ES256. */
  publicKey?: string;
  /** Seconds of clock difference tolerated on `exp`/`nbf`/`iat`. */
  clockToleranceS?: number;
}

type Verify = (token: string) => Promise<JWTPayload>;

/** Algorithms a key may be used with: a token naming any other (`none`, HS256 with an RSA public key) fails. */
const PUBLIC_ALGS = { RSA: ['RS256'], EC: ['ES256'] } as const;

/**
 * Verifies the site's sign-in tokens with jose. Each configured key accepts only its own algorithm, so
 * an RS256 key cannot be abused as an HS256 secret. Every failure is one RuleError('invalid_token').
 */
export class SsoVerifier {
  private constructor(private readonly verifiers: Verify[]) {}

  static async create(settings: SsoSettings): Promise<SsoVerifier> {
    const tolerance = settings.clockToleranceS ?? 30;
    const verifiers: Verify[] = [];
    if (settings.secret) {
      const key = new TextEncoder().encode(settings.secret);
      verifiers.push(async (token) => (await jwtVerify(token, key, { algorithms: ['HS256'], clockTolerance: tolerance, requiredClaims: ['exp', 'sub'] })).payload);
    }
    if (settings.publicKey) {
      const pem = settings.publicKey.replace(/\\n/g, '\n');
      let key: CryptoKey | undefined;
      let algs: readonly string[] = [];
      for (const alg of [...PUBLIC_ALGS.RSA, ...PUBLIC_ALGS.EC]) {
        try {
          key = await importSPKI(pem, alg);
          algs = [alg];
          break;
        } catch {
          // Not a key of this kind; try the next algorithm.
        }
      }
      if (!key) throw new Error('BYLINE_SSO_PUBLIC_KEY is not an RSA or P-256 public key in PEM (SPKI) form.');
      const publicKey = key;
      verifiers.push(async (token) => (await jwtVerify(token, publicKey, { algorithms: [...algs], clockTolerance: tolerance, requiredClaims: ['exp', 'sub'] })).payload);
    }
    return new SsoVerifier(verifiers);
  }

  get configured(): boolean {
    return this.verifiers.length > 0;
  }

  /** The signed-in reader a token names; RuleError('invalid_token') for anything else. */
  async verify(token: string): Promise<Omit<Reader, 'address'>> {
    let payload: JWTPayload | undefined;
    for (const verify of this.verifiers) {
      try {
        payload = await verify(token);
        break;
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new RuleError('invalid_token', 'The sign-in token has expired.');
        if (!(error instanceof errors.JOSEError) && !(error instanceof TypeError)) throw new RuleError('invalid_token', 'The sign-in token is not valid.');
      }
    }
    if (!payload) throw new RuleError('invalid_token', 'The sign-in token is not valid.');
    return claimsToReader(payload);
  }
}

function claimsToReader(payload: JWTPayload): Omit<Reader, 'address'> {
  const { sub, name, picture, roles } = payload as JWTPayload & { name?: unknown; picture?: unknown; roles?: unknown };
  const bad = (claim: string) => new RuleError('invalid_token', `The sign-in token's "${claim}" claim is missing or invalid.`);
  if (typeof sub !== 'string' || sub.length < 1 || sub.length > 200 || UNSAFE_IN_NAME.test(sub)) throw bad('sub');
  if (typeof name !== 'string' || UNSAFE_IN_NAME.test(name) || codePoints(name.trim()) < 1 || codePoints(name.trim()) > NAME_MAX) throw bad('name');
  if (picture !== undefined && (typeof picture !== 'string' || picture.length > 2000 || !URL.canParse(picture) || new URL(picture).protocol !== 'https:')) throw bad('picture');
  if (roles !== undefined && (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string'))) throw bad('roles');
  return {
    id: SSO_PREFIX + sub,
    name: name.trim(),
    ...(picture ? { picture: picture as string } : {}),
    roles: (roles as string[] | undefined) ?? [],
  };
}
