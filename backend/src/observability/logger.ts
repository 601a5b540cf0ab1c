import { AsyncLocalStorage } from 'node:async_hooks';
import winston from 'winston';
import type { Config } from '../config/env';
import { configuredLogTransports } from './cloudwatch-logs';

// Structured JSON logs. Whatever runs inside `withLogContext` (a request, a job, a build)
// gets that context's fields, the request id above all, on every line it logs, without
// passing a logger around.
export type LogContext = { requestId?: string; [key: string]: unknown };

const contextStorage = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(context: LogContext, fn: () => T): T {
  const parent = contextStorage.getStore();
  return contextStorage.run({ ...parent, ...context }, fn);
}

export function currentLogContext(): LogContext | undefined {
  return contextStorage.getStore();
}

const addContext = winston.format((info) => {
  const context = contextStorage.getStore();
  if (context) {
    for (const [key, value] of Object.entries(context)) if (info[key] === undefined) info[key] = value;
  }
  return info;
});

export type Logger = winston.Logger;
export type LogLevel = 'error' | 'warn' | 'info' | 'http' | 'debug' | 'silent';

export function createLogger(options: {
  level: LogLevel;
  service: string;
  /** Extra transports (CloudWatch in AWS; a capture stream in tests). */
  transports?: winston.transport[];
}): Logger {
  const silent = options.level === 'silent';
  return winston.createLogger({
    level: silent ? 'error' : options.level,
    defaultMeta: { service: options.service },
    format: winston.format.combine(addContext(), winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()),
    transports: [new winston.transports.Console({ silent }), ...(options.transports ?? [])],
  });
}

/** The process's logger as the configuration asks: JSON on stdout, and CloudWatch Logs when configured. */
export function createAppLogger(config: Pick<Config, 'observability' | 'aws' | 'logLevel'>, service: string, transports: winston.transport[] = []): Logger {
  return createLogger({ level: config.logLevel, service, transports: [...transports, ...configuredLogTransports(config, service)] });
}
