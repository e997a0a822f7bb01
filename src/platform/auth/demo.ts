/**
 * The demo's people: fictional staff of the fictional "Socialförvaltningen, Exempelstads
 * kommun", all with one password. They exist only in demo mode; production never seeds them
 * and disables any left from a demo.
 */
import type { Role } from "../db/schema.js";

/** The password every demo login shares. */
export const DEMO_PASSWORD = "klarsvar-demo-2026";

export interface DemoUser {
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly units: readonly string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: "kommunikator@example.se",
    name: "Sara Holmgren",
    roles: ["communicator", "employee"],
    units: ["kommunikation"],
  },
  { email: "admin@example.se", name: "Karin Lindqvist", roles: ["admin", "employee"], units: ["socialforvaltningen"] },
  {
    email: "handlaggare@example.se",
    name: "Johan Bergström",
    roles: ["unit_staff", "employee"],
    units: ["ekonomiskt-bistand"],
  },
  {
    email: "chef@example.se",
    name: "Maria Ekholm",
    roles: ["manager", "unit_staff", "employee"],
    units: ["barn-och-familj", "mottagningen-barn"],
  },
  { email: "medarbetare@example.se", name: "Ali Hassan", roles: ["employee"], units: ["funktionsstod"] },
  { email: "registrator@example.se", name: "Lena Sjöberg", roles: ["registrar", "employee"], units: [] },
];
