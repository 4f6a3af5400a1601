/** What the page needs to know about its mount; written into its `cupid-dashboard-options` tag. */
export interface UiPageOptions {
  readOnly: boolean;
  apiKeys: boolean;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
};

/**
 * The UI's `index.html` with the mount's options in its meta tag (an attribute, not an inline
 * script, so the Content-Security-Policy can forbid inline scripts).
 *
 * @example
 * uiPage(html, { readOnly: true, apiKeys: false });
 * // …<meta name="cupid-dashboard-options" content="{&quot;readOnly&quot;:true,…}" />…
 */
export function uiPage(html: string, options: UiPageOptions): string {
  const json = JSON.stringify({ readOnly: options.readOnly, apiKeys: options.apiKeys });
  const content = json.replace(/[&"<>]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
  const tag = /<meta name="cupid-dashboard-options" content="[^"]*"\s*\/?>/;
  const meta = `<meta name="cupid-dashboard-options" content="${content}" />`;
  return tag.test(html) ? html.replace(tag, meta) : html.replace('</head>', `${meta}</head>`);
}
