/*
 * The code an employer sees instead of a name. It is random (crypto), never derived from the
 * candidate's id or identity, so it cannot be linked back. The alphabet leaves out characters that
 * are easy to confuse when read aloud or copied (0/O, 1/I/L), so a coach can say it over the phone.
 */

export const PUBLIC_CODE_PREFIX = "WB-";
export const PUBLIC_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const PUBLIC_CODE_LENGTH = 6;
export const PUBLIC_CODE_PATTERN = /^WB-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

/** A new random public code such as `WB-7KQ3MX`. Uniqueness is enforced by the database. */
export function generatePublicCode(): string {
  const alphabet = PUBLIC_CODE_ALPHABET;
  // Rejection sampling: bytes at or above the largest multiple of the alphabet size would make
  // the first characters more likely than the rest.
  const limit = 256 - (256 % alphabet.length);
  let code = "";
  while (code.length < PUBLIC_CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(PUBLIC_CODE_LENGTH * 2))) {
      if (byte >= limit) continue;
      code += alphabet[byte % alphabet.length];
      if (code.length === PUBLIC_CODE_LENGTH) break;
    }
  }
  return PUBLIC_CODE_PREFIX + code;
}

export function isPublicCode(value: string): boolean {
  return PUBLIC_CODE_PATTERN.test(value);
}
