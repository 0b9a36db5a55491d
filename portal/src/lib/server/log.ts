/** One JSON line per event, like the services, so a request id can be followed across them. */
export function log(level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}) {
  const line = JSON.stringify({
    level,
    service: 'portal',
    message,
    time: new Date().toISOString(),
    ...fields,
  });
  if (level === 'error') console.error(line);
  else console.log(line);
}
