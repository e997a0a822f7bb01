/**
 * The house rules for imports, checked in CI (`npm run lint`): no cycles; modules meet only
 * through each other's index.ts; the platform and the views never import a module or the
 * composition root (src/app); only src/app and the entry points import src/app.
 */
module.exports = {
  forbidden: [
    {
      name: "resolvable",
      severity: "error",
      comment: "Every import must resolve, or the other rules cannot see it.",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "no-cycles",
      severity: "error",
      comment: "A cycle means two parts cannot be understood or changed apart.",
      from: {},
      to: { circular: true },
    },
    {
      name: "modules-meet-through-index",
      severity: "error",
      comment: "A module uses another module only through its index.ts (the door) — never its other files.",
      from: { path: "^src/modules/([^/]+)/" },
      to: { path: "^src/modules/([^/]+)/", pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/index\\.tsx?$"] },
    },
    {
      name: "platform-and-views-import-no-module",
      severity: "error",
      comment: "Shared machinery knows nothing of the modules or of the composition root.",
      from: { path: "^src/(platform|views)/" },
      to: { path: "^src/(modules|app)/" },
    },
    {
      name: "modules-do-not-import-the-composition-root",
      severity: "error",
      comment: "src/app assembles modules; a module importing it ties itself to every other module.",
      from: { path: "^src/modules/" },
      to: { path: "^src/app/", pathNot: "^src/app/module\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(dist|node_modules|public)/|\\.test\\.tsx?$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js"],
    },
  },
};
