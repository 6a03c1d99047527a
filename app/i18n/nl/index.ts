import { admin } from "./admin";
import { auth } from "./auth";
import { candidates } from "./candidates";
import { common } from "./common";
import { email } from "./email";
import { home } from "./home";
import { invite } from "./invite";
import { pipeline } from "./pipeline";
import { profile } from "./profile";
import { search } from "./search";
import { vacancies } from "./vacancies";

export const nl = {
  ...common,
  ...auth,
  ...home,
  ...invite,
  ...admin,
  ...email,
  ...search,
  ...candidates,
  ...profile,
  ...vacancies,
  ...pipeline,
} as const;
