import type { ConsultationFigures as ConsultationFiguresShape } from '../annual-report.ts';
import { builder } from '../builder.ts';

/** Consultation forms received in the year, by respondent (statutory-rules §12, §14). */
export const ConsultationFigures = builder
  .objectRef<ConsultationFiguresShape>('ConsultationFigures')
  .implement({
    description: 'Consultation forms received in the year by respondent, whatever review they name',
    fields: (t) => ({
      child: t.exposeInt('child'),
      carer: t.exposeInt('carer'),
      parent: t.exposeInt('parent'),
    }),
  });
