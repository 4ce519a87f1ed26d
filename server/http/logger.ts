export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type Fields = Record<string, unknown>;

/** Writes one JSON object a line, so a log collector can index every field. */
export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

/** Errors do not survive JSON.stringify (their fields are not enumerable); name, message and stack do. */
function serializable(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { name: value.name, message: value.message, stack: value.stack, cause: serializable(value.cause) };
}

function toLine(entry: Fields): string {
  try {
    return JSON.stringify(entry, (_key, value: unknown) => serializable(value));
  } catch {
    // A cycle or a BigInt in the fields: keep the line rather than lose it.
    return JSON.stringify({ time: entry.time, level: entry.level, msg: entry.msg, unserializable: true });
  }
}

/** A logger that drops entries below `level`; `write` receives whole lines (stdout by default). */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at =
    (entryLevel: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: Fields = {}): void => {
      if (LOG_LEVELS.indexOf(entryLevel) < threshold) return;
      write(toLine({ time: new Date().toISOString(), level: entryLevel, msg: message, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
