import { type Role, roles } from '@footprint/auth';

/** Every role but `allowed`, in the order of `roles`: those a field open only to `allowed` must refuse. */
export const rolesExcept = (...allowed: Role[]): Role[] => roles.filter((role) => !allowed.includes(role));

/**
 * One `[name, role]` case for each of `names` and each role but `allowed`, for `it.each`: a field
 * open only to managers, say, is tried by every other role.
 */
export const casesForOtherRoles = <N extends string>(names: readonly N[], ...allowed: Role[]) =>
  names.flatMap((name) => rolesExcept(...allowed).map((role) => [name, role] as const));
