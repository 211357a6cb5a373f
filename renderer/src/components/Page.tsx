import { Alert, Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/result';
import { setScreenTitle, takeHeadingFocus } from '../routing/screen-focus';

/**
 * A screen's heading, with what can be done there. It takes the focus when the screen was just
 * moved to (see routing/screen-focus); the window's title is the screen's kind (shell/Screen).
 * The actions go below the heading when the window is too narrow for both, and wrap among
 * themselves: never off the right edge.
 */
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // After a move to this screen, or when the focus has fallen to the page (the app has just
    // opened after unlocking): the heading is where a keyboard or screen reader user starts.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (takeHeadingFocus() || lost) heading.current?.focus();
  }, []);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
      <Stack gap={4} style={{ flex: '1 1 20rem', minWidth: 0 }}>
        <Title order={1} size="h2" ref={heading} tabIndex={-1} className="screen-heading">
          {title}
        </Title>
        {subtitle ? (
          <Text c="dimmed" size="sm" component="div">
            {subtitle}
          </Text>
        ) : null}
      </Stack>
      {actions ? (
        <Group gap="sm" className="page-actions">
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
  const title = error.code === 'not_found' ? 'Not found' : 'Could not load this';
  useEffect(() => setScreenTitle(title), [title]);
  return (
    <Alert color="red" title={title} role="alert">
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
