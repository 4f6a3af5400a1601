/**
 * Checks HTTP Basic auth (public key as user, secret key as password).
 * Returns an error message, or null when the keys match.
 */
export function checkBasicAuth(
  header: string | null,
  publicKey: string,
  secretKey: string,
): string | null {
  if (!header) return 'Unauthorized: no authorization header was sent.';
  const [scheme, encoded] = header.split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !encoded) {
    return 'Unauthorized: expected Basic authorization with the project keys.';
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? '' : decoded.slice(colon + 1);
  return user === publicKey && password === secretKey
    ? null
    : 'Invalid credentials. Check the public key, the secret key and the host.';
}
