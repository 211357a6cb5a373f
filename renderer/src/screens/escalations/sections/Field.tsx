import { Stack, Text } from '@mantine/core';

/** A labelled piece of the record, its line breaks kept as they were typed. */
export function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" className="prewrap">
        {value}
      </Text>
    </Stack>
  );
}
