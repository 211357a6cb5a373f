import { Alert, Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/result';

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="nowrap">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {subtitle ? (
          <Text c="dimmed" size="sm" component="div">
            {subtitle}
          </Text>
        ) : null}
      </Stack>
      {actions ? (
        <Group gap="sm" style={{ flexShrink: 0 }}>
          {actions}
        </Group>
      ) : null}
    </Group>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" />
      <Text size="sm">Loading {what}…</Text>
    </Group>
  );
}

export function LoadError({ error, back }: { error: ApiError; back?: { href: string; label: string } }) {
  return (
    <Alert color="red" title={error.code === 'not_found' ? 'Not found' : 'Could not load this'} role="alert">
      <Text size="sm">{error.message}</Text>
      {back ? (
        <Anchor href={back.href} size="sm">
          {back.label}
        </Anchor>
      ) : null}
    </Alert>
  );
}

export function FormError({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <Alert color="red" title="Not saved" role="alert" mb="md">
      {error.message}
    </Alert>
  );
}
