import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A node-postgres client that gives each parameterised statement a name derived from its text,
 * so that PostgreSQL parses it once per connection and may keep its plan, instead of parsing and
 * planning it on every execution. Measured on the benchmark database (1,000,000 cases): planning
 * at bind was most of the server's time for the lists and the case page (e.g. 1.1 ms of a detail
 * read whose execution takes 0.4 ms).
 *
 * Left unnamed, as before:
 * - statements without parameters (BEGIN, COMMIT, DDL, migrations): nothing to gain;
 * - statements with LIKE or ILIKE other than the court-tree scope (`path LIKE '/1/5/%'`, a filter
 *   on the few hundred courts): a plan made for any pattern cannot use a prefix or trigram index
 *   well, so searches by name or number keep a plan made for each pattern;
 * - statements with many parameters (value lists that vary in length) and, once a connection
 *   holds MAX_NAMED of them, any new text: the names must stay few, as each one holds server memory.
 */
export class PreparingClient extends pg.Client {
  private readonly names = new Map<string, string>();

  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads (config, values, callback) are passed through unchanged
  override query(config: any, values?: any, callback?: any): any {
    if (config !== null && typeof config === 'object' && typeof config.text === 'string' && config.name === undefined) {
      const count = Array.isArray(values) ? values.length : Array.isArray(config.values) ? config.values.length : 0;
      const name = this.nameOf(config.text, count);
      if (name) return super.query({ ...config, name }, values, callback);
    }
    return super.query(config, values, callback);
  }

  private nameOf(text: string, parameters: number): string | null {
    const known = this.names.get(text);
    if (known) return known;
    if (parameters === 0 || parameters > MAX_PARAMETERS || this.names.size >= MAX_NAMED || LIKE.test(text.replace(SCOPE_LIKE, '')))
      return null;
    const name = `ca_${createHash('sha1').update(text).digest('hex')}`;
    this.names.set(text, name);
    return name;
  }
}

const MAX_NAMED = 400;
const MAX_PARAMETERS = 64;
const LIKE = /\bI?LIKE\b/i;
const SCOPE_LIKE = /\bpath LIKE\b/g;
