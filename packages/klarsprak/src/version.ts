/** The engine version, reported in every result. Keep in step with package.json. */
export const VERSION = "0.1.0";
