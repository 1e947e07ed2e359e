// Fetches a file of this site as text for the tools page's 下发 view (the one-file page it puts
// the settings in), settling with `{ ok: text }` or `{ error: why }` so the caller has one path.
export function fetchText(url) {
  return fetch(url).then(
    (response) => (response.ok ? response.text().then((text) => ({ ok: text })) : { error: `HTTP ${response.status}` }),
    (error) => ({ error: String((error && error.message) || error) }),
  );
}
