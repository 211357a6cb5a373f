import { Alert, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AuditLogEntry, AuditLogPage } from '../../../../shared/schemas/security';
import type { ApiError } from '../../../../shared/result';
import { apiBridge } from '../../api/client';
import { FormError, LoadError, Loading } from '../../components/Page';
import { DateField } from '../../components/DateTimeField';
import { saveDocument } from '../../downloads';
import { ukDateTime } from '../../format';

// Settings, Audit log (the DSL only): every change, unlock, document and export, newest first, a page
// at a time, filtered in the core by person, by record and by date, and exported as a PDF with the
// same filters. An entry that names a record can narrow the log to that record.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NO_ONE = 'none';

interface Filters {
  person: string | null;
  record: { type: string; id: string } | null;
  from: string;
  to: string;
}

function inputOf(filters: Filters) {
  return {
    ...(filters.person ? { person: filters.person } : {}),
    ...(filters.record ? { entityType: filters.record.type, entityId: filters.record.id } : {}),
    ...(DATE.test(filters.from) ? { from: filters.from } : {}),
    ...(DATE.test(filters.to) ? { to: filters.to } : {}),
  };
}

function recordWords(entry: Pick<AuditLogEntry, 'entityType' | 'entityId'>): string {
  return entry.entityType
    ? `${entry.entityType.replace(/-/g, ' ')} ${entry.entityId ? entry.entityId.slice(0, 8).toUpperCase() : ''}`.trim()
    : '';
}

export function AuditLogSettings() {
  const [filters, setFilters] = useState<Filters>({ person: null, record: null, from: '', to: '' });
  const [loaded, setLoaded] = useState<{ key: string; page: AuditLogPage; entries: AuditLogEntry[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [more, setMore] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const key = JSON.stringify(inputOf(filters));
  // The entries shown are those of the filters as they are now (a change of filter shows "loading" until its first page comes).
  const current = loaded?.key === key ? loaded : null;
  const entries = current?.entries ?? null;
  const page = current?.page ?? loaded?.page ?? null;

  useEffect(() => {
    let cancelled = false;
    void apiBridge.call('auditLog.list', JSON.parse(key) as ReturnType<typeof inputOf>).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setLoaded({ key, page: result.value, entries: result.value.entries });
        setError(null);
      } else setError(result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  const showOlder = async () => {
    if (!current?.page.nextBefore) return;
    setMore(true);
    const result = await apiBridge.call('auditLog.list', { ...inputOf(filters), before: current.page.nextBefore });
    setMore(false);
    if (result.ok) setLoaded({ key, page: result.value, entries: [...current.entries, ...result.value.entries] });
    else setError(result.error);
  };

  const exportPdf = async () => {
    setExporting(true);
    const result = await apiBridge.call('auditLog.document', inputOf(filters));
    setExporting(false);
    if (result.ok) {
      setExportError(null);
      saveDocument(result.value);
    } else setExportError(result.error);
  };

  const people = [
    { value: NO_ONE, label: 'No one signed in' },
    ...(page?.people ?? []).map((person) => ({ value: person.id, label: person.fullName })),
  ];
  const filtered = filters.person !== null || filters.record !== null || filters.from !== '' || filters.to !== '';

  return (
    <Stack maw={980}>
      <Text size="sm">
        Every change, unlock, document and export is written here as it happens, with who did it and when. Each entry is hash-chained to the
        one before it, and the chain is checked at every unlock, so an entry changed or removed outside Escalation Log is found and named.
      </Text>
      <Group align="flex-end" wrap="wrap" role="group" aria-label="Filter the audit log">
        <Select
          label="Person"
          placeholder="Anyone"
          data={people}
          value={filters.person}
          onChange={(person) => setFilters((current) => ({ ...current, person }))}
          clearable
          w={240}
        />
        <DateField
          label="From"
          value={filters.from}
          onChange={(from) => setFilters((current) => ({ ...current, from }))}
          required={false}
        />
        <DateField label="To" value={filters.to} onChange={(to) => setFilters((current) => ({ ...current, to }))} required={false} />
        {filtered ? (
          <Button
            variant="subtle"
            onClick={() => {
              setFilters({ person: null, record: null, from: '', to: '' });
            }}
          >
            Clear the filters
          </Button>
        ) : null}
        <Button variant="light" loading={exporting} onClick={() => void exportPdf()}>
          Export as PDF
        </Button>
      </Group>
      {filters.record ? (
        <Alert color="blue" role="status">
          Showing only the {recordWords({ entityType: filters.record.type, entityId: filters.record.id })} record.{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => setFilters((current) => ({ ...current, record: null }))}>
            Show every record
          </Button>
        </Alert>
      ) : null}
      <FormError error={exportError} />
      {error ? <LoadError error={error} /> : null}
      {!entries && !error ? <Loading what="the audit log" /> : null}
      {entries && entries.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>{filtered ? 'No entries match these filters. Clear a filter to see more.' : 'The audit log is empty.'}</Text>
        </Paper>
      ) : null}
      {entries && entries.length > 0 ? (
        <>
          <Text size="sm" role="status">
            Showing {entries.length} of {page?.total ?? entries.length} entries, newest first.
          </Text>
          <Table withTableBorder verticalSpacing="xs" aria-label="Audit log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>No.</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Record</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.seq}>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{ukDateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.person ?? 'No one signed in'}</Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      c={entry.action === 'integrity.alert' ? 'red.8' : undefined}
                      fw={entry.action === 'integrity.alert' ? 700 : undefined}
                    >
                      {entry.summary}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {entry.entityType && entry.entityId ? (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        aria-label={`Show only the ${recordWords(entry)} record`}
                        onClick={() =>
                          setFilters((current) => ({ ...current, record: { type: entry.entityType ?? '', id: entry.entityId ?? '' } }))
                        }
                      >
                        {recordWords(entry)}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {current?.page.nextBefore ? (
            <Button variant="default" w="fit-content" loading={more} onClick={() => void showOlder()}>
              Show older entries
            </Button>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
