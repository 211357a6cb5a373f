// The renderer's one origin in the desktop app. Custom schemes have an opaque origin ("null") in
// the URL standard, so comparisons parse the URL and compare scheme and host, never string prefixes
// (`app://renderer.evil/` starts with `app://renderer`).

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer's address, and a check that a URL belongs to it. `npm run dev` serves the renderer
 * from electron-vite's dev server (ELECTRON_RENDERER_URL) for hot reload; only an unpackaged app
 * accepts that, and only that exact origin.
 */
export function rendererOrigin(devServerUrl: string | undefined, packaged: boolean): { entry: string; owns: (url: string) => boolean } {
  if (packaged || !devServerUrl) return { entry: APP_ENTRY_URL, owns: isAppUrl };
  const devOrigin = new URL(devServerUrl).origin;
  return {
    entry: devServerUrl,
    owns: (raw) => {
      try {
        return new URL(raw).origin === devOrigin;
      } catch {
        return false;
      }
    },
  };
}

export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}
