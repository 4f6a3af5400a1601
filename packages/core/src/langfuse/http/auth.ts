/**
 * The HTTP Basic `Authorization` value for a Langfuse key pair (public key as user, secret key as
 * password). Keep the result out of logs and errors.
 *
 * @example
 * basicAuthHeader('pk-lf-1', 'sk-lf-1'); // 'Basic cGstbGYtMTpzay1sZi0x'
 */
export function basicAuthHeader(publicKey: string, secretKey: string): string {
  return `Basic ${Buffer.from(`${publicKey}:${secretKey}`, 'utf8').toString('base64')}`;
}
