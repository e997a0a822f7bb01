/** The sign-in module's edge: every route that takes input, with its schema. */
import { z } from "zod";
import { Csrf } from "../../platform/http/typed.js";

/** A form with nothing in it but its CSRF token (sign out, a new invitation link). */
export const EmptyForm = z.object({ ...Csrf });

/** GET /logga-in */
export const LoginQuery = z.object({
  nasta: z.string().optional(),
  utloggad: z.string().optional(),
  fel: z.string().optional(),
});

/** POST /logga-in */
export const LoginBody = z.object({
  ...Csrf,
  email: z.string().max(320).default(""),
  password: z.string().max(1000).default(""),
  nasta: z.string().max(500).optional(),
});

/** GET /logga-in/sso */
export const SsoQuery = z.object({ nasta: z.string().optional() });

/** GET /logga-in/glomt-losenord */
export const ForgotQuery = z.object({ skickat: z.string().max(5).optional() });

/** POST /logga-in/glomt-losenord */
export const ForgotBody = z.object({ ...Csrf, email: z.string().max(320).default("") });

/** The secret in a reset or invitation link. */
export const TokenParams = z.object({ token: z.string().max(200) });

/** GET of an invitation link after a new one was sent. */
export const TokenQuery = z.object({ skickad: z.string().max(5).optional() });

/** POST of a reset or invitation link: the chosen password. */
export const ChooseBody = z.object({
  ...Csrf,
  password: z.string().max(1000).default(""),
  confirm: z.string().max(1000).default(""),
  username: z.string().max(320).optional(),
});

/** GET /arbetsyta/konto */
export const AccountQuery = z.object({ bytt: z.string().optional() });

/** POST /arbetsyta/konto/losenord */
export const ChangePasswordBody = z.object({
  ...Csrf,
  current: z.string().max(1000).default(""),
  next: z.string().max(1000).default(""),
  confirm: z.string().max(1000).default(""),
});
