import { roleLabels } from '@footprint/auth';
import { requireCouncilSession } from '$lib/server/access.ts';
import { allChildren, myCaseload } from '$lib/server/children.ts';
import { latestSnapshot } from '$lib/server/compliance.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const session = requireCouncilSession(locals, params.council);
  if (session.roles.includes('manager')) {
    return { view: 'children' as const, children: await allChildren(session, locals.requestId) };
  }
  if (session.roles.includes('iro')) {
    // The service answers an IRO with their own items only: nothing here filters or widens that.
    const [children, snapshot] = await Promise.all([
      myCaseload(session, locals.requestId),
      latestSnapshot(session, locals.requestId),
    ]);
    return {
      view: 'caseload' as const,
      children,
      compliance: snapshot && {
        asOf: snapshot.asOf,
        checks: snapshot.checks.filter((check) => check.items.length > 0),
      },
    };
  }
  // Council administrators, Children in Care Council members, FCROs and advocates: no child records here.
  return {
    view: 'no-child-records' as const,
    roles: session.roles.map((role) => ({ role, label: roleLabels[role] })),
  };
};
