/**
 * The HTTP Basic `Authorization` value for a Langfuse key pair (public key as user, secret key as
 * password), UTF-8 encoded. Built with `btoa` rather than `Buffer` so core also runs outside
 * Node. Keep the result out of logs and errors.
 *
 * @example
 * basicAuthHeader('pk-lf-1', 'sk-lf-1'); // 'Basic cGstbGYtMTpzay1sZi0x'
 */
export function basicAuthHeader(publicKey: string, secretKey: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${publicKey}:${secretKey}`)) {
    binary += String.fromCharCode(byte);
  }
  return `Basic ${btoa(binary)}`;
}
