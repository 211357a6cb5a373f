import { Anchor, Stack, Text } from '@mantine/core';
import { parsePeriodKey, periodKey, type AuditPeriod } from '../../../../shared/termly-audit/periods';
import type { TermDatesView } from '../../../../shared/termly-audit/schemas';
import { useApi } from '../../api/useApi';
import { LoadError, Loading, PageHeader } from '../../components/Page';
import { href, navigate } from '../../routing/router';
import { AuditResults } from './AuditResults';
import { PeriodPicker } from './PeriodPicker';

// The termly audit of escalation records (Bromley's policy: "the management team should
// periodically audit escalation records to ensure the process is used appropriately and
// effectively"): pick a term, a school year or any dates; see the figures, the charts, the
// timescales, the gaps in the records (each linked to the record to fix) and the learning points;
// make the PDF for the governing body. The period is in the address, so following a gap to its
// record and coming back returns to the same audit.

/** The term today is in, else this school year. */
function defaultPeriod(terms: TermDatesView): AuditPeriod {
  return terms.currentTerm
    ? { kind: 'term', schoolYear: terms.currentTerm.schoolYear, term: terms.currentTerm.term }
    : { kind: 'year', schoolYear: terms.currentSchoolYear };
}

export function AuditScreen({ period: key }: { period: string | null }) {
  const terms = useApi('terms.get', {});
  if (terms.error) return <LoadError error={terms.error} />;
  if (!terms.data) return <Loading what="the term dates" />;
  const period = parsePeriodKey(key) ?? defaultPeriod(terms.data);
  return (
    <>
      <PageHeader
        title="Audit"
        subtitle={
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              The termly audit of escalation records: what was escalated, how far and how fast, which timescales were missed and whose they
              were, and what is missing from the records.
            </Text>
            <Text size="sm" c="dimmed">
              Terms follow the dates in{' '}
              <Anchor underline="always" href={href({ name: 'settings' })}>
                Settings
              </Anchor>{' '}
              (Term dates).
            </Text>
          </Stack>
        }
      />
      <PeriodPicker terms={terms.data} period={period} onChange={(next) => navigate({ name: 'audit', period: periodKey(next) })} />
      <AuditResults key={periodKey(period)} period={period} />
    </>
  );
}
