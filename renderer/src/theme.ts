import {
  Anchor,
  Badge,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  Drawer,
  InputWrapper,
  luminance,
  Modal,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

// Calm and legible: one blue for actions, system fonts (nothing fetched), generous line height.
// Every text meets WCAG AA contrast (4.5:1; checked by axe in the end-to-end tests): buttons use the
// primary colour's shade 7 (white on indigo 7 is 5:1) and pick black or white text by the
// background (autoContrast: black on orange, red and green); dimmed text is gray 7, not 6 (3.3:1);
// the text of light alerts and badges is their colour's shade 9 darkened (shade 9 on its light
// background is 3.6:1 for orange, 4:1 for green); error messages are red 9, not red 6 (3.3:1).
// Filled and outline colours are worked out from each palette rather than listed: white text on the
// first shade from 7 that gives it 4.5:1 (red 9, blue 8, indigo 7), black text on shade 6 where none
// does (orange, yellow, green), so the red Overdue badge is 5.5:1, not 3.3:1. Links are underlined
// (never told from text by colour alone) in indigo 9, readable on the light alerts too.

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** A little above 4.5:1, so rounding in the browser never tips a colour under. */
const READABLE = 4.6;
const WHITE = '#ffffff';
const BLACK = '#000000';

/** The shade a colour is filled with, and the text on it: white on the first shade from 7 dark enough, else black on shade 6. */
function filledLook(shades: MantineColorsTuple): { background: string; hover: string; text: string } {
  for (const shade of [7, 8, 9] as const) {
    if (contrast(shades[shade], WHITE) >= READABLE)
      return { background: shades[shade], hover: shade === 9 ? darken(shades[9], 0.1) : shade === 8 ? shades[9] : shades[8], text: WHITE };
  }
  return { background: shades[6], hover: shades[7], text: BLACK };
}

/** A colour as text (or an outline) on white: the first shade from 7 readable there, else shade 9 darkened. */
function textOnWhite(shades: MantineColorsTuple): string {
  const shade = ([7, 8, 9] as const).find((candidate) => contrast(shades[candidate], WHITE) >= READABLE);
  return shade === undefined ? darken(shades[9], 0.3) : shades[shade];
}

/** Mantine's colours for each variant, with the filled ones made readable (see filledLook). */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color, theme: input.theme });
  if (input.variant !== 'filled' || !parsed.isThemeColor || parsed.shade !== undefined) return colors;
  const shades = input.theme.colors[parsed.color];
  if (!shades) return colors;
  const look = filledLook(shades);
  return { ...colors, background: look.background, hover: look.hover, color: look.text };
};

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  autoContrast: true,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
  // Keyboard focus is always shown (:focus-visible, see app.css); a mouse click leaves no ring behind.
  focusRing: 'auto',
  variantColorResolver,
  components: {
    // Links are underlined, so they are never told from the text around them by colour alone.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // A dialog's × says what it does.
    // Its header is a <header> element inside the dialog, which assistive technology takes for a
    // second banner beside the app's: it is only the dialog's title row.
    Modal: Modal.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close the dialog' }, attributes: { header: { role: 'presentation' } } },
    }),
    Drawer: Drawer.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close the menu' }, attributes: { header: { role: 'presentation' } } },
    }),
    // A badge's word carries its meaning: it is never cut to "OVE…", however narrow its column.
    Badge: Badge.extend({
      styles: {
        root: { overflow: 'visible', flexShrink: 0, minWidth: 'max-content' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
    // A field's message is announced when it appears (it is also the field's description: Mantine
    // links it with aria-describedby and marks the field aria-invalid).
    InputWrapper: InputWrapper.extend({ defaultProps: { errorProps: { role: 'alert' } } }),
  },
});

/** The CSS variables behind the contrast rules above (passed to MantineProvider). */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-9)',
    // Placeholders are hints people read (dd/mm/yyyy): gray 5 is 2:1.
    '--mantine-color-placeholder': '#6c757d',
    ...Object.fromEntries(
      Object.entries(resolved.colors).flatMap(([name, shades]) => [
        [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)],
        [`--mantine-color-${name}-outline`, textOnWhite(shades)],
        [`--mantine-color-${name}-text`, textOnWhite(shades)],
        ...(filledLook(shades).text === WHITE
          ? [
              [`--mantine-color-${name}-filled`, filledLook(shades).background],
              [`--mantine-color-${name}-filled-hover`, filledLook(shades).hover],
            ]
          : []),
      ]),
    ),
  },
  dark: {},
});
