import { builder } from '../builder.ts';
import './child.ts';
import './staff.ts';
import './allocation.ts';
import './import-run.ts';
import './annual-report.ts';
import './compliance.ts';
import './sibling-group.ts';
import './local-policy.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
