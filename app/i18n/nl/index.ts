import { admin } from "./admin";
import { auth } from "./auth";
import { common } from "./common";
import { email } from "./email";
import { home } from "./home";
import { invite } from "./invite";
import { search } from "./search";

export const nl = {
  ...common,
  ...auth,
  ...home,
  ...invite,
  ...admin,
  ...email,
  ...search,
} as const;
