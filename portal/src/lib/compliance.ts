/** How an item's timing reads in a table: "12 days overdue", "Due today", "Due in 5 days". */
export function timingText(daysOverdue: number | null): string {
  if (daysOverdue === null) return '–';
  if (daysOverdue > 0) return `${daysOverdue} ${daysOverdue === 1 ? 'day' : 'days'} overdue`;
  if (daysOverdue === 0) return 'Due today';
  const left = -daysOverdue;
  return `Due in ${left} ${left === 1 ? 'day' : 'days'}`;
}

export const itemCount = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'item' : 'items'}`;
