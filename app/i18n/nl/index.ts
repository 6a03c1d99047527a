import { admin } from "./admin";
import { auth } from "./auth";
import { common } from "./common";
import { email } from "./email";
import { home } from "./home";
import { search } from "./search";

export const nl = {
  ...common,
  ...auth,
  ...home,
  ...admin,
  ...email,
  ...search,
} as const;
