// What a document definition may point at outside itself. pdfmake's access policies (pdf.ts) stop
// it fetching URLs and reading files outside the fonts folder for images, attachments and fonts, but
// an SVG's <image href> goes straight to PDFKit's openImage, which reads any local path and is not
// covered by those policies. So every definition is also checked here before pdfmake sees it, which
// gives a clear reason instead of a library message. Our own documents use none of these: this
// guards against a future document, or a value from a record, becoming a reference by mistake.

export interface RefusedReference {
  reason: 'url' | 'local-file' | 'embedded-file';
  /** The offending value, for the error message (it comes from code, never a person's record). */
  value: string;
}

/** `scheme://…` (http, https, file, ftp…). A Windows drive path (C:\…) is a local path, not a URL. */
const URL_LIKE = /^[a-z][a-z0-9+.-]+:/i;
const DATA_URI = /^data:/i;
/** Every href in an SVG: images, <use> and links. Only in-document ones (#id) and data: URIs pass. */
const SVG_HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
/** Keys that embed a file in the PDF. No document of ours attaches files, so they are refused outright. */
const EMBEDDING_KEYS = new Set(['attachment', 'linkToFile', 'attachments', 'files']);

function checkSource(value: string, imageKeys: ReadonlySet<string>, localAllowed: (path: string) => boolean): RefusedReference | null {
  if (DATA_URI.test(value) || imageKeys.has(value)) return null;
  if (URL_LIKE.test(value) && !/^[a-z]:[\\/]/i.test(value)) return { reason: 'url', value };
  return localAllowed(value) ? null : { reason: 'local-file', value };
}

function checkSvg(svg: string): RefusedReference | null {
  for (const match of svg.matchAll(SVG_HREF)) {
    const href = (match[1] ?? match[2] ?? '').trim();
    if (href.startsWith('#') || DATA_URI.test(href)) continue;
    return { reason: URL_LIKE.test(href) ? 'url' : 'local-file', value: href };
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The first reference in `node` (content, or a header/footer result) that would reach outside the
 * document, or null. `imageKeys` are the names defined in the definition's own `images`.
 */
export function findOutsideReference(
  node: unknown,
  imageKeys: ReadonlySet<string>,
  localAllowed: (path: string) => boolean,
): RefusedReference | null {
  const stack: unknown[] = [node];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    if (!isRecord(value) || seen.has(value)) continue;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      if (EMBEDDING_KEYS.has(key) && child !== undefined) return { reason: 'embedded-file', value: key };
      if (key === 'image' && typeof child === 'string') {
        const refused = checkSource(child, imageKeys, localAllowed);
        if (refused) return refused;
      } else if (key === 'svg' && typeof child === 'string') {
        const refused = checkSvg(child);
        if (refused) return refused;
      } else if (typeof child === 'object' && child !== null) {
        stack.push(child);
      }
    }
  }
  return null;
}

/** The definition's `images` dictionary: each entry must be a data: URI or a buffer, never a URL or path. */
export function findOutsideImage(images: unknown, localAllowed: (path: string) => boolean): RefusedReference | null {
  if (!isRecord(images)) return null;
  for (const source of Object.values(images)) {
    if (typeof source === 'string') {
      const refused = checkSource(source, new Set(), localAllowed);
      if (refused) return refused;
    } else if (isRecord(source) && typeof source.url === 'string') {
      // { url, headers }: pdfmake's form for fetching an image.
      return { reason: 'url', value: source.url };
    }
  }
  return null;
}
