import { createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

// Calm and legible: one blue for actions, system fonts (nothing fetched), generous line height.
// Every text meets WCAG AA contrast (4.5:1; checked by axe in the end-to-end tests): buttons use the
// primary colour's shade 7 (white on indigo 7 is 5:1) and pick black or white text by the
// background (autoContrast: black on orange, red and green); dimmed text is gray 7, not 6 (3.3:1);
// the text of light alerts and badges is their colour's shade 9 darkened (shade 9 on its light
// background is 3.6:1 for orange, 4:1 for green); error messages are red 9, not red 6 (3.3:1).
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  autoContrast: true,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
  // Keyboard focus is always shown (:focus-visible, see app.css); a mouse click leaves no ring behind.
  focusRing: 'auto',
});

/** The CSS variables behind the contrast rules above (passed to MantineProvider). */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      Object.entries(resolved.colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)]),
    ),
  },
  dark: {},
});
