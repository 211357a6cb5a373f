import { createTheme } from '@mantine/core';

// Calm and legible: one blue for actions, system fonts (nothing fetched), generous line height.
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
  // Keyboard focus is always shown (:focus-visible, see app.css); a mouse click leaves no ring behind.
  focusRing: 'auto',
});
