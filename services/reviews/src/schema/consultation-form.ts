import { builder } from '../builder.ts';
import type { ConsultationRow } from '../data/find-consultations.ts';
import { consultationIdOf } from '../keys.ts';
import { Child } from './child.ts';

export const ConsultationForm = builder.objectRef<ConsultationRow>('ConsultationForm');

ConsultationForm.implement({
  description:
    'A consultation form returned before a review by the child, a carer or a parent (statutory-rules §12)',
  fields: (t) => ({
    id: t.id({
      description: 'The child, the date received, the respondent and the order recorded that day',
      resolve: (row) => consultationIdOf(row),
    }),
    child: t.field({ type: Child, resolve: (row) => ({ id: row.childId }) }),
    respondent: t.exposeString('respondent', { description: 'child, carer or parent' }),
    receivedOn: t.expose('receivedOn', {
      type: 'Date',
      description: 'RECEIVED: the date the form came back, the date it counts on',
    }),
    reviewDate: t.expose('reviewDate', {
      type: 'Date',
      nullable: true,
      description: 'REVIEW: the review it was for; null when not recorded (it may match no review on record)',
    }),
  }),
});
