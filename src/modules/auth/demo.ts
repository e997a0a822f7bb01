/** The password every demo login shares. Demo logins exist only in demo mode. */
export const DEMO_PASSWORD = "klarsvar-demo-2026";
