/** The roles of shared/spec/README.md, in the words councils use. */
export const roles = [
  'iro',
  'manager',
  'fcro',
  'council_admin',
  'advocate',
  'ccc_member',
  'platform_operator',
] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  iro: 'Independent Reviewing Officer',
  manager: 'IRO team manager',
  fcro: 'Foster carer reviewing officer',
  council_admin: 'Council administrator',
  advocate: 'Advocacy worker',
  ccc_member: 'Children in Care Council member',
  platform_operator: 'Platform operator',
};

/** Roles that may read individual children's records at all (each then narrowed further). */
export const childRecordRoles: readonly Role[] = ['iro', 'manager', 'fcro', 'advocate'];
