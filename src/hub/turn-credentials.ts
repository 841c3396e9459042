// Time-limited TURN credentials for coturn's use-auth-secret (the "TURN REST API"): the username
// is "<expiry>:<peer>", the password is base64(HMAC-SHA1(shared secret, username)).
import { createHmac } from 'node:crypto';

export function turnCredentials(secret: string, peerId: string, nowSeconds: number, ttlSeconds = 3600) {
  const username = `${nowSeconds + ttlSeconds}:${peerId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, ttlSeconds };
}
