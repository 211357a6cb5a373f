// The renderer's one origin in the desktop app. Custom schemes have an opaque origin ("null") in
// the URL standard, so comparisons parse the URL and compare scheme and host, never string prefixes
// (`app://renderer.evil/` starts with `app://renderer`).

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}
