import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors';

/**
 * The one error handler: every failure leaves as `{code, message, details?}`. Known errors keep
 * their status; validation names each bad field; anything unexpected is a 500 that leaks nothing
 * (the log has the stack).
 */
/** Codes for the framework's own 4xx errors (static files, body parsing, methods). */
const GENERIC_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 415: 'UNSUPPORTED_MEDIA_TYPE' };

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (error.status === 429 && typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
      return reply.status(error.status).send({
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
        ...error.extra,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        where: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'is invalid',
      }));
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: issues.map((i) => `${i.where}: ${i.message}`).join('; '),
        details: { issues },
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.status(413).send(payloadTooLarge(error, request.routeOptions.bodyLimit));
    if (status === 429) return reply.status(429).send({ code: 'RATE_LIMITED', message: error.message });
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: GENERIC_CODES[status] ?? 'BAD_REQUEST', message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: 'something went wrong on the server; it has been logged' });
  });
});

/** Fastify's "Request body is too large", restated with the limit the caller went over. */
function payloadTooLarge(error: FastifyError, limitBytes: number | undefined) {
  if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE' || !limitBytes) return { code: 'PAYLOAD_TOO_LARGE', message: error.message };
  return {
    code: 'PAYLOAD_TOO_LARGE',
    message: `the request body is larger than the ${formatBytes(limitBytes)} limit`,
    details: { limitBytes },
  };
}

function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}
