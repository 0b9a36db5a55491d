import { builder } from '../builder.ts';
import './child.ts';
import './provider.ts';
import './involvement.ts';
import './independent-visitor.ts';
import './annual-report.ts';
import './compliance.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
