import { Button, Group, Paper, SegmentedControl, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { parsePeriodKey, periodKey, type AuditPeriod } from '../../../../shared/termly-audit/periods';
import type { TermDatesView } from '../../../../shared/termly-audit/schemas';
import { DateField } from '../../components/DateTimeField';
import { ukDate } from '../../format';

// What to audit: a term (the usual), a school year (for the annual report to governors), or any
// range of dates. Choosing a term or a year runs the audit at once; a range runs when both dates
// are in and the button is pressed.

type Kind = AuditPeriod['kind'];

const kinds: { value: Kind; label: string }[] = [
  { value: 'term', label: 'A term' },
  { value: 'year', label: 'A school year' },
  { value: 'range', label: 'Any dates' },
];

export function PeriodPicker({
  terms,
  period,
  onChange,
}: {
  terms: TermDatesView;
  period: AuditPeriod;
  onChange: (period: AuditPeriod) => void;
}) {
  const [kind, setKind] = useState<Kind>(period.kind);
  const [from, setFrom] = useState(period.kind === 'range' ? period.from : '');
  const [to, setTo] = useState(period.kind === 'range' ? period.to : '');
  const [rangeError, setRangeError] = useState<string | null>(null);

  const termOptions = terms.years.flatMap((year) =>
    [...year.terms].reverse().map((term) => ({
      value: periodKey({ kind: 'term', schoolYear: term.schoolYear, term: term.term }),
      label: `${term.label} (${ukDate(term.startsOn)} to ${ukDate(term.endsOn)})`,
    })),
  );
  const yearOptions = terms.years.map((year) => ({
    value: periodKey({ kind: 'year', schoolYear: year.schoolYear }),
    label: `School year ${year.label}`,
  }));

  const choose = (value: string | null) => {
    const next = parsePeriodKey(value);
    if (next) onChange(next);
  };
  const changeKind = (value: string) => {
    const next = kinds.find((candidate) => candidate.value === value)?.value ?? 'term';
    setKind(next);
    if (next === 'term' && period.kind !== 'term') {
      // The term today is in; else the first term of this school year.
      onChange({ kind: 'term', ...(terms.currentTerm ?? { schoolYear: terms.currentSchoolYear, term: 'autumn' }) });
    }
    if (next === 'year' && period.kind !== 'year')
      onChange({ kind: 'year', schoolYear: period.kind === 'term' ? period.schoolYear : terms.currentSchoolYear });
  };
  const auditRange = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return setRangeError('Enter both dates as dd/mm/yyyy.');
    if (from > to) return setRangeError('The last day cannot be before the first.');
    setRangeError(null);
    onChange({ kind: 'range', from, to });
  };

  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-label="What to audit">
      <Group align="flex-end" gap="lg" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4} id="audit-kind-label">
            Audit
          </Text>
          <SegmentedControl aria-labelledby="audit-kind-label" data={kinds} value={kind} onChange={changeKind} />
        </div>
        {kind === 'term' ? (
          <Select
            label="Term"
            data={termOptions}
            value={period.kind === 'term' ? periodKey(period) : null}
            onChange={choose}
            allowDeselect={false}
            w={380}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        {kind === 'year' ? (
          <Select
            label="School year"
            description="1 September to 31 August"
            data={yearOptions}
            value={period.kind === 'year' ? periodKey(period) : null}
            onChange={choose}
            allowDeselect={false}
            w={240}
          />
        ) : null}
        {kind === 'range' ? (
          <>
            <DateField label="First day" value={from} onChange={setFrom} error={undefined} />
            <DateField label="Last day" value={to} onChange={setTo} error={rangeError ?? undefined} />
            <Button onClick={auditRange}>Audit these dates</Button>
          </>
        ) : null}
      </Group>
    </Paper>
  );
}
