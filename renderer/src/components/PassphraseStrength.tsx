import { Progress, Stack, Text } from '@mantine/core';
import { useDeferredValue } from 'react';
import { passphraseStrength, STRONG_ENOUGH } from '../../../shared/people/passphrase-strength';

// Under a new-passphrase field, as it is typed: how hard it is to guess and, until it is hard
// enough, why not. The same rule the core applies (shared/people/passphrase-strength.ts), so what
// this says is what the core will say. The words carry the meaning; the bar's colour only repeats
// it. Once the field itself shows the reason (after it is left, or the form is sent), the reason
// is not said twice.

const MIN_LENGTH = 12;

interface Verdict {
  label: string;
  reason: string | null;
  /** 0 to 1: how far along the bar. */
  progress: number;
  color: string;
  ok: boolean;
}

function verdict(passphrase: string): Verdict {
  if (passphrase.length === 0) {
    return {
      label: 'At least 12 characters.',
      reason: 'Three or four words picked at random work well.',
      progress: 0,
      color: 'gray',
      ok: false,
    };
  }
  if (passphrase.length < MIN_LENGTH) {
    const more = MIN_LENGTH - passphrase.length;
    return {
      label: `Too short: ${more} more ${more === 1 ? 'character' : 'characters'} needed.`,
      reason: null,
      progress: 0.1,
      color: 'red',
      ok: false,
    };
  }
  const strength = passphraseStrength(passphrase);
  const progress = Math.max(0.1, strength.score / STRONG_ENOUGH);
  if (strength.problem) {
    return {
      label: 'Too easy to guess.',
      reason: strength.problem.replace(/^This passphrase is too easy to guess\. /, ''),
      progress,
      color: strength.score >= 3 ? 'orange' : 'red',
      ok: false,
    };
  }
  return { label: 'Strong enough: hard to guess.', reason: null, progress: 1, color: 'green', ok: true };
}

export function PassphraseStrength({ passphrase, fieldError }: { passphrase: string; fieldError?: string | undefined }) {
  // The estimate takes a few milliseconds; typing stays smooth.
  const shown = verdict(useDeferredValue(passphrase));
  const reason = shown.reason && !(fieldError ?? '').includes(shown.reason) ? shown.reason : null;
  return (
    <Stack gap={4}>
      <Progress value={shown.progress * 100} color={shown.color} size="sm" aria-hidden="true" />
      <Text size="sm" aria-live="polite" data-testid="passphrase-strength">
        <strong>{shown.label}</strong>
        {reason ? ` ${reason}` : ''}
      </Text>
    </Stack>
  );
}
