/**
 * The API reference page. Its script is a file of its own (`init.js`), not inline, so the
 * Content-Security-Policy can forbid inline scripts; the mount's options travel in a meta tag.
 */
export function docsPage(options: { apiKeys: boolean }): string {
  const content = JSON.stringify(options).replace(/"/g, '&quot;');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="cupid-dashboard-docs" content="${content}" />
<title>Cupid Dashboard API</title>
<link rel="stylesheet" href="./swagger-ui.css" />
</head>
<body>
<div id="swagger-ui"></div>
<script src="./swagger-ui-bundle.js"></script>
<script src="./init.js"></script>
</body>
</html>
`;
}

/**
 * Renders the served OpenAPI document (`../openapi.json`, beside the page under any prefix).
 * With API keys it sends the key the dashboard's UI keeps for this tab (sessionStorage, the same
 * entry), asking for one when there is none, as a Bearer token on every request it makes.
 */
export const DOCS_INIT_SCRIPT = `(() => {
  const STORAGE_KEY = 'cupid-dashboard.api-key';
  const meta = document.querySelector('meta[name="cupid-dashboard-docs"]');
  const options = JSON.parse(meta ? meta.content : '{}');
  let key = null;
  try { key = sessionStorage.getItem(STORAGE_KEY); } catch {}
  if (options.apiKeys && !key) {
    key = window.prompt('API key for this dashboard') || null;
    if (key) try { sessionStorage.setItem(STORAGE_KEY, key); } catch {}
  }
  window.ui = SwaggerUIBundle({
    url: new URL('../openapi.json', window.location.href).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
    requestInterceptor: (request) => {
      if (key) request.headers.Authorization = 'Bearer ' + key;
      return request;
    },
  });
})();
`;
