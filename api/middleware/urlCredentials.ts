import { CENSOR } from '../../config/redaction';

/**
 * Our routes never read a credential from a URL (bearer tokens ride in the Authorization header,
 * a tracking link's token in the fragment, which browsers never send), but a caller may still put
 * one there: `?access_token=` copied from another API's habits, or a Referer from a page that
 * carries one. A URL is logged only with such values censored.
 */

/** Query parameter names that carry credentials by convention (OAuth's access_token, presigned URLs' signatures, api_key, …). */
const CREDENTIAL_NAME = /token|secret|passw|signature|^sig$|^code$|session|jwt|auth|api[-_]?key|credential/i;
/** A JWT (ours among them), whatever it is called: header.payload.signature, base64url, the header starting {" . */
const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** The URL (absolute, or a path with its query) with credential values censored; the rest as it came, for reading the log. */
export function withoutCredentials(url: string): string {
  const queryAt = url.indexOf('?');
  const censored =
    queryAt === -1
      ? url
      : `${url.slice(0, queryAt + 1)}${url
          .slice(queryAt + 1)
          .split('&')
          .map((pair) => {
            const [name = '', ...value] = pair.split('=');
            return value.length > 0 && CREDENTIAL_NAME.test(decodedName(name)) ? `${name}=${CENSOR}` : pair;
          })
          .join('&')}`;
  return censored.replace(JWT, CENSOR);
}
