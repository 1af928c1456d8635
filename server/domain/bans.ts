import type { Store } from '../store/store.js';
import { RuleError } from './errors.js';

/** Bans by author id ('sso:<sub>') or by salted address hash ('addr:<hash>'), for a time or for ever. */
export class Bans {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Refuses with RuleError('banned') when any of the subjects is banned now. */
  async check(subjects: (string | undefined)[]): Promise<void> {
    for (const subject of subjects) {
      if (!subject) continue;
      const ban = await this.store.ban(subject);
      if (ban && (ban.until === null || Date.parse(ban.until) > this.now().getTime())) {
        throw new RuleError('banned', ban.until === null ? 'You can no longer comment here.' : `You cannot comment here until ${ban.until}.`);
      }
    }
  }
}
