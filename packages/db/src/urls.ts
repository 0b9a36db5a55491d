/**
 * The URL a role uses to reach a database, derived from the administrator's URL.
 * Local clusters trust loopback; a deployment sets FOOTPRINT_ROLE_PASSWORD or gives each
 * service its own URL instead.
 */
export function roleUrl(adminUrl: string, role: string, database: string) {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = process.env.FOOTPRINT_ROLE_PASSWORD ?? '';
  url.pathname = `/${database}`;
  return url.toString();
}

export const serviceRole = (service: string) => `footprint_${service.replaceAll('-', '_')}`;
