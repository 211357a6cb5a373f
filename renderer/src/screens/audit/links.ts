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
