import { TextInput } from '@mantine/core';
import { isoToLondonInput, londonInputToIso } from '../format';

/** A date and time in London time; the value in and out is an ISO instant with its offset. */
export function DateTimeField(props: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  description?: string;
}) {
  return (
    <TextInput
      type="datetime-local"
      label={props.label}
      description={props.description ?? 'UK time'}
      required
      value={props.value ? isoToLondonInput(props.value) : ''}
      onChange={(event) => props.onChange(londonInputToIso(event.currentTarget.value))}
      onBlur={props.onBlur}
      error={props.error}
    />
  );
}
