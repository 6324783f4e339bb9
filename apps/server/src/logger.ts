import pino from "pino";

/**
 * Personal data never reaches the logs: these paths are censored wherever they appear in a logged object.
 * Query strings are logged without their values (req.url is reduced to the path by the serializer below).
 */
export const REDACT_PATHS = [
  "*.idNumber",
  "*.id_number",
  "*.phone",
  "*.mobile",
  "*.email",
  "*.password",
  "*.newPassword",
  "*.currentPassword",
  "*.code",
  "*.secret",
  "*.totp",
  "req.headers.cookie",
  "req.headers.authorization",
];

export function createLogger(level: string) {
  return pino({
    level,
    redact: { paths: REDACT_PATHS, censor: "[masked]" },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split("?")[0] }),
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
