import { builder } from '../builder.ts';
import './iro.ts';
import './child.ts';
import './foster-household.ts';
import './foster-carer-review.ts';
import './annual-report.ts';
import './compliance.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
