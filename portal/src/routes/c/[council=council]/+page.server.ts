import { roleLabels } from '@footprint/auth';
import { requireCouncilSession } from '$lib/server/access.ts';
import { allChildren, myCaseload } from '$lib/server/children.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const session = requireCouncilSession(locals, params.council);
  if (session.roles.includes('manager')) {
    return { view: 'children' as const, children: await allChildren(session, locals.requestId) };
  }
  if (session.roles.includes('iro')) {
    return { view: 'caseload' as const, children: await myCaseload(session, locals.requestId) };
  }
  // Council administrators, Children in Care Council members, FCROs and advocates: no child records here.
  return {
    view: 'no-child-records' as const,
    roles: session.roles.map((role) => ({ role, label: roleLabels[role] })),
  };
};
