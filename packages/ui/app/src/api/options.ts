/** What the router tells the page about its mount, through the `cupid-dashboard-options` meta tag. */
export interface MountOptions {
  /** The sync trigger answers 403: the page hides its button. */
  readOnly: boolean;
  /** The API wants a key: the page asks for it once and sends it as a Bearer token. */
  apiKeys: boolean;
}

/** Reads the options the router wrote into the page; a page served by Vite's dev server has none. */
export function readMountOptions(doc: Document = document): MountOptions {
  const content = doc
    .querySelector('meta[name="cupid-dashboard-options"]')
    ?.getAttribute('content');
  let parsed: Partial<MountOptions> = {};
  try {
    parsed = JSON.parse(content ?? '{}') as Partial<MountOptions>;
  } catch {
    // A page with a broken tag still works, with every option off.
  }
  return { readOnly: parsed.readOnly === true, apiKeys: parsed.apiKeys === true };
}

export const mountOptions: MountOptions = readMountOptions();
