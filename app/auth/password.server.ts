import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum: m=19 MiB, t=2, p=1.
// algorithm 2 = Argon2id (the library exports it as an ambient const enum, which isolatedModules cannot read).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

// One source for the limits: the browser validates with the same numbers.
export {
  PASSWORD_MIN as MIN_PASSWORD_LENGTH,
  PASSWORD_MAX as MAX_PASSWORD_LENGTH,
} from "~/domain/new-password";

export function hashPassword(password: string) {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps the time of a login for an unknown email close to a real one.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string) {
  dummyHash ??= hashPassword("werkbrug-dummy-password");
  await verifyPassword(await dummyHash, password);
  return false;
}
