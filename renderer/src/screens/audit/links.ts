import type { RecordRef } from '../../../../shared/termly-audit/types';
import { href } from '../../routing/router';

// Where a record the audit names is opened (and fixed): the escalation, the referral, or the child.

export function recordHref(record: RecordRef): string {
  switch (record.link.type) {
    case 'escalation':
      return href({ name: 'escalation', id: record.link.id });
    case 'referral':
      return href({ name: 'referral', id: record.link.id });
    case 'child':
      return href({ name: 'child', id: record.link.id });
  }
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Working days to one decimal place where a median falls between two. */
export function days(value: number | null): string {
  if (value === null) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
