import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { can } from '../../../../shared/permissions';
import type { SchoolYearTerms, TermDatesView } from '../../../../shared/termly-audit/schemas';
import { termNameLabels, termNames, type TermName } from '../../../../shared/termly-audit/terms';
import { apiBridge } from '../../api/client';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
import { DateField } from '../../components/DateTimeField';
import { LoadError, Loading } from '../../components/Page';
import { ukDate } from '../../format';

// The setting's term dates, which the termly audit counts by. Each school year follows the English
// default until the DSL enters its exact dates; they can go back to the default at any time.

type Dates = Record<TermName, { startsOn: string; endsOn: string }>;
type Errors = Partial<Record<`${TermName}.${'startsOn' | 'endsOn'}`, string>>;

function datesOf(year: SchoolYearTerms): Dates {
  const pick = (name: TermName) => {
    const term = year.terms.find((candidate) => candidate.term === name);
    return { startsOn: term?.startsOn ?? '', endsOn: term?.endsOn ?? '' };
  };
  return { autumn: pick('autumn'), spring: pick('spring'), summer: pick('summer') };
}

function YearEditor({ year, onSaved }: { year: SchoolYearTerms; onSaved: (view: TermDatesView) => void }) {
  const [dates, setDates] = useState<Dates>(() => datesOf(year));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (term: TermName, field: 'startsOn' | 'endsOn', value: string) =>
    setDates((current) => ({ ...current, [term]: { ...current[term], [field]: value } }));
  const save = async () => {
    setBusy(true);
    setFailure(null);
    const result = await apiBridge.call('terms.save', {
      schoolYear: year.schoolYear,
      terms: termNames.map((term) => ({ term, ...dates[term] })),
    });
    setBusy(false);
    if (result.ok) {
      setErrors({});
      return onSaved(result.value);
    }
    const next: Errors = {};
    for (const issue of result.error.issues ?? []) {
      const [, index, field] = issue.path;
      const term = typeof index === 'number' ? termNames[index] : undefined;
      if (term && (field === 'startsOn' || field === 'endsOn')) next[`${term}.${field}`] ??= issue.message;
    }
    setErrors(next);
    if (Object.keys(next).length === 0) setFailure(result.error.message);
  };
  const backToDefault = async () => {
    setBusy(true);
    const result = await apiBridge.call('terms.useDefault', { schoolYear: year.schoolYear });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setFailure(result.error.message);
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={(event) => (event.preventDefault(), void save())} noValidate>
      <Title order={3} size="h6" mb="xs">
        Enter the exact dates of {year.label}
      </Title>
      {failure ? (
        <Alert color="red" role="alert" mb="sm">
          {failure}
        </Alert>
      ) : null}
      <Stack gap="xs">
        {termNames.map((term) => (
          <Group key={term} align="flex-start">
            <Text size="sm" fw={600} w={120} pt={30}>
              {termNameLabels[term]}
            </Text>
            <DateField
              label={`${termNameLabels[term]}: first day`}
              value={dates[term].startsOn}
              onChange={(value) => set(term, 'startsOn', value)}
              error={errors[`${term}.startsOn`]}
            />
            <DateField
              label={`${termNameLabels[term]}: last day`}
              value={dates[term].endsOn}
              onChange={(value) => set(term, 'endsOn', value)}
              error={errors[`${term}.endsOn`]}
            />
          </Group>
        ))}
      </Stack>
      <Group mt="md">
        <Button type="submit" loading={busy}>
          Save the term dates of {year.label}
        </Button>
        {year.entered ? (
          <Button variant="default" onClick={() => void backToDefault()} disabled={busy}>
            Use the default dates instead
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}

export function TermDatesSettings() {
  const { status } = useSession();
  const view = useApi('terms.get', {});
  const [chosen, setChosen] = useState<number | null>(null);
  if (view.error) return <LoadError error={view.error} />;
  if (!view.data) return <Loading what="the term dates" />;
  const data = view.data;
  const schoolYear = chosen ?? data.currentSchoolYear;
  const year = data.years.find((candidate) => candidate.schoolYear === schoolYear) ?? data.years[0];
  if (!year) return null;

  return (
    <Stack maw={860}>
      <Text size="sm" c="dimmed">
        The termly audit counts by these terms. Until you enter a year’s exact dates, it follows the English default: autumn 1 September to
        31 December, spring 1 January to Easter Monday, summer from the day after Easter Monday to 31 August, so every day of the year is in
        a term. A school year always runs from 1 September to 31 August.
      </Text>
      <Select
        label="School year"
        data={data.years.map((candidate) => ({
          value: String(candidate.schoolYear),
          label: `${candidate.label}${candidate.entered ? ' (dates entered)' : ''}`,
        }))}
        value={String(year.schoolYear)}
        onChange={(value) => value && setChosen(Number(value))}
        allowDeselect={false}
        maw={280}
      />
      <Table withTableBorder aria-label={`Terms of ${year.label}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Term</Table.Th>
            <Table.Th>First day</Table.Th>
            <Table.Th>Last day</Table.Th>
            <Table.Th>Dates</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {year.terms.map((term) => (
            <Table.Tr key={term.term}>
              <Table.Td>{term.label}</Table.Td>
              <Table.Td>{ukDate(term.startsOn)}</Table.Td>
              <Table.Td>{ukDate(term.endsOn)}</Table.Td>
              <Table.Td>{term.entered ? 'Entered' : 'Default'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can(status.user.role, 'terms.save') ? (
        <YearEditor
          key={`${year.schoolYear}/${year.terms.map((term) => term.startsOn + term.endsOn).join()}`}
          year={year}
          onSaved={view.setData}
        />
      ) : (
        <Text size="sm">Only the Designated Safeguarding Lead can change the term dates.</Text>
      )}
    </Stack>
  );
}
