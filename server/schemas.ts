import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type AnySchema, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The JSON Schemas the package ships (schema/*.schema.json, `byline-widgets/schema/…`) are what the
 * server validates request bodies with: partners and the server read the same contract. Each file's
 * `$id` is its CDN address; routes name a file with `shipped('comment-post')`.
 */
export const SCHEMA_BASE = 'https://cdn.jsdelivr.net/npm/byline-widgets/schema/';
const SCHEMA_DIR = new URL('../schema/', import.meta.url);

/** Every shipped schema file, parsed, for `app.addSchema`. */
export function shippedSchemas(): { $id: string }[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.schema.json'))
    .map((file) => JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')));
}

/** A route's body schema: the shipped file `schema/<name>.schema.json`. */
export const shipped = (name: string) => ({ $ref: `${SCHEMA_BASE}${name}.schema.json` });

/**
 * The compiler for JSON bodies: draft 2020-12 as the files declare, formats checked, and no type
 * coercion (`"body": 123` is not the string "123"). Unknown properties are dropped, as Fastify does.
 * One error at a time: with all errors a hostile body could make validation slow.
 */
export function bodyCompiler(externalSchemas: Record<string, unknown>): (route: { schema: unknown }) => ValidateFunction {
  const ajv = new Ajv2020({ coerceTypes: false, useDefaults: true, removeAdditional: true, allErrors: false, allowUnionTypes: true });
  addFormats.default(ajv);
  for (const schema of Object.values(externalSchemas)) ajv.addSchema(schema as AnySchema);
  return ({ schema }) => ajv.compile(schema as AnySchema);
}
