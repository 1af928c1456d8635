import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { RuleError, type RuleCode } from '../domain/errors.js';
import { BODY_MAX, NAME_MAX, trimmedLengthPattern } from '../domain/limits.js';

/**
 * Every error the API answers has this body: `{"error":{"code","message","field"?}}`.
 * The codes are part of the contract (see server/README.md); messages are for humans.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, field?: string) {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

/** ajv reports header names lower-cased; the contract names them as clients send them. */
const HEADER_FIELDS: Record<string, string> = { 'idempotency-key': 'Idempotency-Key' };

/** The schemas' trimmed-length patterns (schema/comment-post.schema.json), by the limit each states. */
const LENGTH_PATTERNS = new Map([BODY_MAX, NAME_MAX].map((max) => [trimmedLengthPattern(max), max]));

/** Turns the first ajv error into `{code, field}`: `/author/name` becomes `author.name`, `/thread/3` becomes `thread`. */
function fromValidation(error: FastifyError): ApiError {
  const first = error.validation![0];
  const path = first.instancePath.split('/').filter(Boolean);
  if (first.keyword === 'required') path.push(String(first.params.missingProperty));
  const context = error.validationContext;
  let field: string | undefined;
  if (context === 'body') field = path.length ? path.join('.') : undefined;
  else if (context === 'headers') field = path[0] && (HEADER_FIELDS[path[0]] ?? path[0]);
  else field = path[0];

  if (field === undefined) return new ApiError(400, 'invalid_body', 'The JSON body must be an object.');
  if (first.keyword === 'required') return new ApiError(400, 'missing_field', `${field} is required.`, field);
  const trimmedMax = first.keyword === 'pattern' ? LENGTH_PATTERNS.get(String(first.params.pattern)) : undefined;
  if (trimmedMax) return new ApiError(400, 'invalid_length', `${field} must be 1 to ${trimmedMax} characters.`, field);
  // The schemas use `not` only to refuse characters: controls, text-direction controls, lone surrogates.
  if (first.keyword === 'not') return new ApiError(400, 'invalid_field', `${field} contains control, text-direction or invalid Unicode characters.`, field);
  const code = first.keyword === 'minLength' || first.keyword === 'maxLength' ? 'invalid_length' : 'invalid_field';
  return new ApiError(400, code, `${field} ${first.message ?? 'is invalid'}.`, field);
}

/** Fastify's own request errors we expect from bad input, mapped to contract codes. */
const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'The body is empty.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is larger than 16 KB.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send Content-Type: application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request', 'Content-Length does not match the body.'],
};

/** The HTTP status for each refusal of the domain rules. */
const RULE_STATUS: Record<RuleCode, number> = {
  invalid_field: 400,
  invalid_length: 400,
  missing_field: 400,
  spam: 400,
  auth_required: 401,
  invalid_token: 401,
  unauthorized: 401,
  forbidden: 403,
  banned: 403,
  edit_window_closed: 403,
  not_found: 404,
  idempotency_conflict: 409,
  already_reported: 409,
  comment_removed: 410,
  invalid_parent: 422,
};

export function toApiError(error: FastifyError | ApiError | RuleError): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof RuleError) return new ApiError(RULE_STATUS[error.code], error.code, error.message, error.field);
  if (error.validation) return fromValidation(error);
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return new ApiError(...known);
  // Any other 4xx raised by Fastify or a plugin: keep the status, not the internals.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new ApiError(status, 'bad_request', 'The request could not be processed.');
  return new ApiError(500, 'internal', 'Internal error');
}

export function errorHandler(this: unknown, error: FastifyError | ApiError | RuleError, request: FastifyRequest, reply: FastifyReply) {
  const apiError = toApiError(error);
  // Only unexpected errors are worth a log line with the stack; client mistakes are not.
  if (apiError.statusCode >= 500) request.log.error({ err: error }, 'unexpected error');
  if (apiError.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="byline"');
  return reply.code(apiError.statusCode).send(errorBody(apiError.code, apiError.message, apiError.field));
}
